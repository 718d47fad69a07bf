package io.github.stytchjakarta.core.internal;

import java.net.URI;

/**
 * Renders values for log lines so that they cannot carry more than they should: URLs without user
 * info, query or fragment (a query may hold a user id), and text from a token reduced to a short run
 * of harmless characters (it is attacker-controlled and could forge log lines). Stateless and
 * thread-safe.
 */
public final class LogText {

    /** Longest untrusted value logged, in characters. */
    public static final int MAX_UNTRUSTED_LENGTH = 100;

    private LogText() {
    }

    /**
     * @param uri a URL
     * @return scheme, host, port and path only, e.g. {@code https://api.stytch.com/v1/sessions/authenticate}
     */
    public static String url(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + host + port + path;
    }

    /**
     * Reduces untrusted text to at most {@link #MAX_UNTRUSTED_LENGTH} characters of
     * {@code [A-Za-z0-9./:_-]}, every other character replaced by {@code ?}, in double quotes.
     *
     * @param value the text, {@code null} when absent
     * @return the quoted, reduced text, or {@code none} for {@code null}
     */
    public static String untrusted(String value) {
        if (value == null) {
            return "none";
        }
        int length = Math.min(value.length(), MAX_UNTRUSTED_LENGTH);
        StringBuilder text = new StringBuilder(length + 5).append('"');
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean harmless = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '/' || c == ':' || c == '_' || c == '-';
            text.append(harmless ? c : '?');
        }
        if (value.length() > length) {
            text.append("...");
        }
        return text.append('"').toString();
    }
}
