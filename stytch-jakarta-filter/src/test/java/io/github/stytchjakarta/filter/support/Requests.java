package io.github.stytchjakarta.filter.support;

import java.util.ArrayList;
import java.util.List;

/** Builds raw HTTP/1.1 requests for Jetty's {@code LocalConnector}, byte for byte as written. */
public final class Requests {

    private final String method;
    private final String target;
    private final List<String> headers = new ArrayList<>();
    private final List<String> cookies = new ArrayList<>();
    private String host = "localhost";
    private String body = "";

    private Requests(String method, String target) {
        this.method = method;
        this.target = target;
    }

    /**
     * @param target the request target, e.g. {@code /app/api/me?roles=a}
     * @return a GET request
     */
    public static Requests get(String target) {
        return new Requests("GET", target);
    }

    /**
     * @param target the request target
     * @return a POST request
     */
    public static Requests post(String target) {
        return new Requests("POST", target);
    }

    /**
     * @param method any method
     * @param target the request target
     * @return a request
     */
    public static Requests method(String method, String target) {
        return new Requests(method, target);
    }

    /** @param host the Host header (default {@code localhost}) @return this */
    public Requests host(String host) {
        this.host = host;
        return this;
    }

    /** @param name header name @param value header value (repeat for several) @return this */
    public Requests header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    /** @param jwt a token @return this, with {@code Authorization: Bearer <jwt>} */
    public Requests bearer(String jwt) {
        return header("Authorization", "Bearer " + jwt);
    }

    /** @param name cookie name @param value cookie value (all cookies go into one Cookie header) @return this */
    public Requests cookie(String name, String value) {
        cookies.add(name + "=" + value);
        return this;
    }

    /** @return this, with the headers of a browser navigation to a page */
    public Requests navigation() {
        return header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").header("Sec-Fetch-Mode", "navigate");
    }

    /** @param content a form body @return this */
    public Requests form(String content) {
        this.body = content;
        return header("Content-Type", "application/x-www-form-urlencoded");
    }

    /** @return the raw request, closing the connection after the response */
    public String build() {
        StringBuilder raw = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        raw.append("Host: ").append(host).append("\r\n");
        headers.forEach(header -> raw.append(header).append("\r\n"));
        if (!cookies.isEmpty()) {
            raw.append("Cookie: ").append(String.join("; ", cookies)).append("\r\n");
        }
        if (!body.isEmpty() || !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            raw.append("Content-Length: ").append(body.length()).append("\r\n");
        }
        raw.append("Connection: close\r\n\r\n").append(body);
        return raw.toString();
    }
}
