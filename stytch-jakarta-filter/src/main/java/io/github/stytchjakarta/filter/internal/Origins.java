package io.github.stytchjakarta.filter.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins ({@code scheme://host[:port]}) in one canonical form: scheme and host in lower case,
 * the scheme's default port left out, IPv6 hosts in brackets. Two origins are the same iff their
 * canonical forms are equal.
 */
public final class Origins {

    private Origins() {
    }

    /**
     * Canonicalises a bare origin, as found in an {@code Origin} header or in configuration.
     *
     * @param origin e.g. {@code https://App.example.com:443}
     * @return e.g. {@code https://app.example.com}, or empty unless it is an http(s) origin without path,
     *         query, fragment or user info ({@code null} included)
     */
    public static Optional<String> normalise(String origin) {
        return parse(origin, false);
    }

    /**
     * The canonical origin of a URL, as found in a {@code Referer} header.
     *
     * @param url an absolute http(s) URL
     * @return its origin, or empty when it is not an absolute http(s) URL
     */
    public static Optional<String> ofUrl(String url) {
        return parse(url, true);
    }

    /**
     * The canonical origin the request was sent to, as the container sees it (behind a proxy the
     * container must apply {@code Forwarded} / {@code X-Forwarded-*} headers, e.g. Jetty's
     * {@code ForwardedRequestCustomizer} or Tomcat's {@code RemoteIpValve}).
     *
     * @param request the request
     * @return e.g. {@code https://app.example.com}
     */
    public static String of(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = request.getServerPort();
        return scheme + "://" + host + (isDefaultPort(scheme, port) ? "" : ":" + port);
    }

    private static Optional<String> parse(String value, boolean allowPath) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String path = uri.getRawPath();
            boolean bare = (path == null || path.isEmpty()) && uri.getRawQuery() == null && uri.getRawFragment() == null;
            if (!allowPath && !bare) {
                return Optional.empty();
            }
            int port = uri.getPort();
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (isDefaultPort(scheme, port) ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return port <= 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    }
}
