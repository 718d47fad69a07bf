package io.github.stytchjakarta.benchmarks.http;

/**
 * What one load run sends, in table order. Each scenario has its own path or credential against one Jetty
 * server (see {@link HttpLoadReport}).
 */
public enum Scenario {

    /** The path without the filter, no credentials: what Jetty, the servlet and the client cost. */
    BASELINE("baseline", false),

    /**
     * The path without the filter with the {@link #CACHED_JWT} cookie: what carrying a 1.7 KB credential costs
     * Jetty and the client, so that the filter's own cost is the difference to {@link #CACHED_JWT}.
     */
    BASELINE_WITH_JWT_COOKIE("baseline, same JWT cookie", false),

    /** The filtered path with the same {@code stytch_session_jwt} cookie every request: the verified-token cache. */
    CACHED_JWT("filter, cached JWT", false),

    /**
     * The filtered path whose filter has the verified-token cache disabled ({@code stytch.cache.max-entries=0}),
     * with a bearer JWT taken in turn from a pool of distinct tokens: a full local verification per request.
     */
    NEW_JWT("filter, new JWT each request", false),

    /** The filtered path with only a {@code stytch_session} cookie: {@code sessions/authenticate} per request. */
    OPAQUE_TOKEN("filter, opaque session token", true);

    private final String label;
    private final boolean callsStytch;

    Scenario(String label, boolean callsStytch) {
        this.label = label;
        this.callsStytch = callsStytch;
    }

    /** @return the name in the report */
    public String label() {
        return label;
    }

    /** @return whether every request calls the Stytch API; the others must make no call at all */
    public boolean callsStytch() {
        return callsStytch;
    }
}
