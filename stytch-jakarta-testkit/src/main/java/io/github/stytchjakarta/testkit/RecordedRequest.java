package io.github.stytchjakarta.testkit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request the emulator received, with the status it answered, for tests to assert on
 * ({@link EmulatorRequestLog#requests()}). Immutable and thread-safe.
 *
 * <p>It holds the raw headers and body, secrets included, because tests assert on them; {@link #toString()} shows
 * only the method, path, status and whether the request was authenticated, so that a failing assertion prints no
 * credentials.
 *
 * @param method        the HTTP method
 * @param path          the decoded request path
 * @param query         the raw query string, or {@code null}
 * @param headers       the request headers; names are case-insensitive
 * @param body          the body as UTF-8 text ({@code ""} for none)
 * @param authenticated whether the request carried the project's correct Basic credentials
 * @param status        the HTTP status answered, or {@link #CONNECTION_RESET} when the connection was closed
 *                      without an answer
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
        boolean authenticated, int status) {

    /** The {@link #status()} of a request whose connection was closed without an answer (a fault). */
    public static final int CONNECTION_RESET = 0;

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /**
     * @param name a header name, any case
     * @return the header's first value, or {@code null} if absent
     */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + " -> " + status + (authenticated ? ", authenticated" : "") + "]";
    }
}
