package io.github.stytchjakarta.filter.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The path of a request inside its servlet context, as path rules see it: the container's decoded
 * and normalised {@code getServletPath() + getPathInfo()}, never the raw request URI, so path
 * parameters ({@code ;jsessionid=...}) and percent-encoding cannot make a protected path look public.
 *
 * <p>On top of the container's work, runs of {@code /} are collapsed into one, and a path that still
 * holds a {@code .} or {@code ..} segment, a backslash or a control character is refused: containers
 * normally reject such requests themselves, and no rule should have to guess what they mean.
 *
 * <p>A request URI with a path parameter (a raw {@code ;} in its path) is refused too, whatever the
 * container made of it: containers and routers disagree on path parameters (Payara and GlassFish cut the
 * servlet path at the first {@code ;}, Tomcat and Jetty drop each segment's, JAX-RS routes the rest of the
 * path with them as matrix parameters), so no path the filter can compute is sure to be the one the
 * application routes on. An encoded {@code %3B} is an ordinary character of its segment everywhere, and
 * passes. Cookie-less sessions ({@code ;jsessionid=} in URLs) are refused with it; Stytch sessions travel in
 * cookies or headers.
 */
public final class RequestPath {

    private RequestPath() {
    }

    /**
     * The normalised path of a request.
     *
     * @param request the request
     * @return the path (at least {@code /}), or empty when the path is not acceptable
     */
    public static Optional<String> normalise(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri != null && uri.indexOf(';') >= 0) {
            return Optional.empty();
        }
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String raw = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        StringBuilder path = new StringBuilder(raw.length() + 1).append('/');
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return Optional.empty();
            }
            if (c != '/' || path.charAt(path.length() - 1) != '/') {
                path.append(c);
            }
        }
        String normalised = path.toString();
        return segments(normalised) == null ? Optional.empty() : Optional.of(normalised);
    }

    /**
     * Splits a path into segments, ignoring one trailing {@code /}.
     *
     * @param path a path starting with {@code /}
     * @return the segments ({@code /} has none), or {@code null} if a segment is empty, {@code .} or {@code ..}
     */
    static List<String> segments(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<String> segments = new ArrayList<>();
        if (trimmed.equals("/")) {
            return segments;
        }
        for (String segment : trimmed.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return null;
            }
            segments.add(segment);
        }
        return segments;
    }
}
