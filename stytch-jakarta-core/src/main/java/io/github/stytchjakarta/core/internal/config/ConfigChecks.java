package io.github.stytchjakarta.core.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The value checks shared by every configuration of the library (core's builder, the web configuration's
 * builder and {@link ConfigReader}), so that a URL or a duration is judged, and its problem worded, one way.
 * Each check records at most one problem naming the key, never the value.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigChecks {

    /** The problem of a value that is not an absolute {@code http} or {@code https} URL. */
    public static final String HTTP_URL_MESSAGE =
            "must be an absolute http or https URL without user info, query or fragment";

    // RFC 7230 "token": valid for header names and RFC 6265 cookie names alike
    private static final Pattern TOKEN_SYNTAX = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private ConfigChecks() {
    }

    /**
     * Whether a URI is an absolute {@code http} or {@code https} URL with a host and without user info,
     * query or fragment.
     *
     * @param uri the URI; must not be {@code null}
     * @return {@code true} if it is such a URL
     */
    public static boolean isHttpUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
    }

    /**
     * Records {@link #HTTP_URL_MESSAGE} unless the URI is absent or {@link #isHttpUrl an http URL}.
     *
     * @param problems where to record; must not be {@code null}
     * @param key      the key at fault
     * @param uri      the URI, {@code null} when not set
     */
    public static void httpUrl(ConfigProblems problems, String key, URI uri) {
        if (uri != null && !isHttpUrl(uri)) {
            problems.add(key, HTTP_URL_MESSAGE);
        }
    }

    /**
     * Records {@code "must be positive"} for a zero or negative duration.
     *
     * @param problems where to record; must not be {@code null}
     * @param key      the key at fault
     * @param duration the duration; must not be {@code null}
     */
    public static void positive(ConfigProblems problems, String key, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            problems.add(key, "must be positive");
        }
    }

    /**
     * Records {@code "must not be negative"} for a negative duration.
     *
     * @param problems where to record; must not be {@code null}
     * @param key      the key at fault
     * @param duration the duration; must not be {@code null}
     */
    public static void notNegative(ConfigProblems problems, String key, Duration duration) {
        if (duration.isNegative()) {
            problems.add(key, "must not be negative");
        }
    }

    /**
     * Records {@code "must be a whole number from MIN to MAX"} for a number outside the range.
     *
     * @param problems where to record; must not be {@code null}
     * @param key      the key at fault
     * @param value    the number
     * @param min      the smallest allowed
     * @param max      the largest allowed
     */
    public static void between(ConfigProblems problems, String key, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(key, "must be a whole number from " + min + " to " + max);
        }
    }

    /**
     * Records {@code "must not be negative"} (minimum 0) or {@code "must be at least MIN"} for a smaller number.
     *
     * @param problems where to record; must not be {@code null}
     * @param key      the key at fault
     * @param value    the number
     * @param min      the smallest allowed
     */
    public static void atLeast(ConfigProblems problems, String key, int value, int min) {
        if (value < min) {
            problems.add(key, min == 0 ? "must not be negative" : "must be at least " + min);
        }
    }

    /**
     * Records a problem unless the name is an RFC 7230 token, valid as header and cookie name.
     *
     * @param problems where to record; must not be {@code null}
     * @param key      the key at fault
     * @param name     the name, {@code null} when not set
     */
    public static void token(ConfigProblems problems, String key, String name) {
        if (name == null || !TOKEN_SYNTAX.matcher(name).matches()) {
            problems.add(key, "must be a non-empty name of letters, digits and !#$%&'*+-.^_`|~");
        }
    }

    /**
     * Whether a value is absent or blank.
     *
     * @param value the value, may be {@code null}
     * @return {@code true} for {@code null} and blank strings
     */
    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
