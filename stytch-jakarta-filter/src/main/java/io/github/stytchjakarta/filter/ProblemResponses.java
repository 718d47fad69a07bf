package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.internal.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders and writes RFC 9457 {@code application/problem+json} bodies and RFC 6750 {@code Bearer}
 * challenges: the one format of every failure answer, whether the filter, the CDI module's
 * authentication mechanism or its JAX-RS exception mappers send it. Every text written comes from the
 * library, never from the request. Stateless and thread-safe.
 */
public final class ProblemResponses {

    /** The problem media type. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /**
     * Writes a problem as the whole response.
     *
     * @param response the uncommitted response
     * @param status   the HTTP status
     * @param code     the stable code ({@code code} member)
     * @param detail   the fixed description ({@code detail} member)
     * @throws IOException when the client went away
     */
    public static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        byte[] body = body(status, code, detail);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(PROBLEM_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Renders a problem body, for code that returns an entity instead of writing the response (JAX-RS).
     *
     * @param status the HTTP status
     * @param code   the stable code ({@code code} member)
     * @param detail the fixed description ({@code detail} member)
     * @return the UTF-8 JSON with {@code type}, {@code title}, {@code status}, {@code detail} and {@code code}
     */
    public static byte[] body(int status, String code, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        return Json.write(problem);
    }

    /**
     * Renders a {@code WWW-Authenticate} value (RFC 6750 §3).
     *
     * @param realm       the realm, already free of {@code "} and {@code \}
     * @param error       the error code, if any
     * @param description the error description, if any; only sent with an error
     * @return e.g. {@code Bearer realm="stytch", error="invalid_token", error_description="the token has expired"}
     */
    public static String bearerChallenge(String realm, Optional<String> error, String description) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(realm).append('"');
        error.ifPresent(code -> challenge.append(", error=\"").append(code)
                .append("\", error_description=\"").append(quotable(description)).append('"'));
        return challenge.toString();
    }

    /** Keeps what RFC 6750 allows in {@code error_description}: printable ASCII except {@code "} and {@code \}. */
    private static String quotable(String text) {
        StringBuilder quoted = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            quoted.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : ' ');
        }
        return quoted.toString();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
