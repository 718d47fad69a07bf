package io.github.stytchjakarta.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The tests' HTTP client: the JDK's {@link HttpClient} over loopback, following no redirects (tests look at
 * them), with {@value #TIMEOUT_SECONDS} s connect and request timeouts, optionally keeping cookies like a
 * browser without JavaScript. Requests go to paths below a base URI, with the client's default headers;
 * static helpers build {@code Authorization}, {@code Cookie} and form bodies and read JSON answers. Any
 * {@link IOException} is thrown unchecked. Thread-safe (a client keeping cookies shares them across threads).
 */
public final class TestHttp {

    /** Connect and request timeout in seconds: a slow CI machine is no reason to fail, a hang is. */
    public static final int TIMEOUT_SECONDS = 30;

    /** Connect and request timeout. */
    public static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

    private static final ObjectMapper JSON = new ObjectMapper();
    // shared by every client without cookies: one connection pool and selector thread for the test JVM
    private static final HttpClient STATELESS = builder().build();

    private final URI base;
    private final HttpClient client;
    private final CookieManager cookies;
    private final List<String> defaultHeaders;

    private TestHttp(URI base, HttpClient client, CookieManager cookies, List<String> defaultHeaders) {
        this.base = base;
        this.client = client;
        this.cookies = cookies;
        this.defaultHeaders = defaultHeaders;
    }

    /**
     * @param base the URI that request paths are appended to, e.g. {@code http://127.0.0.1:8080/app}; a
     *             trailing {@code /} is dropped
     * @return a client without cookies and without default headers
     */
    public static TestHttp to(URI base) {
        return new TestHttp(URI.create(base.toString().replaceAll("/$", "")), STATELESS, null, List.of());
    }

    /**
     * A client for an application deployed in a server: servers may report their host's network address,
     * so only the port and context path of {@code deployment} are used, with {@code 127.0.0.1}.
     *
     * @param deployment the application's URL, e.g. Arquillian's
     * @return a client without cookies and without default headers
     */
    public static TestHttp toLoopback(URL deployment) {
        return to(URI.create("http://127.0.0.1:" + deployment.getPort() + deployment.getPath()));
    }

    /**
     * A browser without JavaScript: a client keeping cookies, for absolute URIs ({@link #request(URI)});
     * it has no base, so {@link #request(String)} is not for it.
     *
     * @return a client with an empty cookie store
     */
    public static TestHttp browser() {
        return new TestHttp(URI.create(""), STATELESS, null, List.of()).keepingCookies();
    }

    /** @return the same client keeping the cookies its answers set (a new, empty store) */
    public TestHttp keepingCookies() {
        CookieManager store = new CookieManager();
        return new TestHttp(base, builder().cookieHandler(store).build(), store, defaultHeaders);
    }

    /**
     * @param name  a header name
     * @param value its value
     * @return the same client sending that header on every request built by {@link #request(String)}
     */
    public TestHttp withHeader(String name, String value) {
        List<String> headers = new ArrayList<>(defaultHeaders);
        headers.add(name);
        headers.add(value);
        return new TestHttp(base, client, cookies, List.copyOf(headers));
    }

    /** @return the base URI's path, e.g. the context path {@code /app} */
    public String contextPath() {
        return base.getPath();
    }

    /**
     * @param path a path (and query) below the base URI, starting with {@code /}
     * @return the absolute URI
     */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    /**
     * @param path a path (and query) below the base URI
     * @return a GET request builder with the timeout and the default headers set
     */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = request(uri(path));
        return defaultHeaders.isEmpty() ? request : request.headers(defaultHeaders.toArray(String[]::new));
    }

    /**
     * @param uri any target
     * @return a GET request builder with the timeout set
     */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    /**
     * @param request the request
     * @return the answer, body as UTF-8 text
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param path    a path (and query) below the base URI
     * @param headers header names and values, e.g. {@link #bearer(String)}; none for none
     * @return the answer
     */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        // HttpRequest.Builder.headers refuses an empty array
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /**
     * @param path    a path below the base URI
     * @param headers header names and values; none for none
     * @return the answer to a DELETE
     */
    public HttpResponse<String> delete(String path, String... headers) {
        HttpRequest.Builder request = request(path).DELETE();
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /** @return the cookies this client holds; empty for a client not {@linkplain #keepingCookies() keeping} them */
    public List<HttpCookie> cookies() {
        return cookies == null ? List.of() : cookies.getCookieStore().getCookies();
    }

    /**
     * @param token a bearer token
     * @return an {@code Authorization: Bearer} header as name and value
     */
    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /**
     * @param name  a cookie name
     * @param value its value
     * @return a {@code Cookie} header as name and value
     */
    public static String[] cookie(String name, String value) {
        return new String[] {"Cookie", name + "=" + value};
    }

    /**
     * @param user     the user (a Stytch project id)
     * @param password the password (its secret)
     * @return the value of an {@code Authorization: Basic} header
     */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param fields form fields, in the map's order
     * @return the {@code application/x-www-form-urlencoded} text
     */
    public static String formText(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * @param fields form fields, in the map's order
     * @return an {@code application/x-www-form-urlencoded} body
     */
    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(formText(fields));
    }

    /**
     * @param response an answer with a JSON body
     * @return the body's tree
     * @throws UncheckedIOException naming the status and body when the body is not JSON
     */
    public static JsonNode json(HttpResponse<String> response) {
        Objects.requireNonNull(response, "response");
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (HTTP " + response.statusCode() + "): " + response.body(), e);
        }
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
    }
}
