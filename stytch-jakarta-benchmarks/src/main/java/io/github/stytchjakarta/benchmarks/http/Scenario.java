package io.github.stytchjakarta.benchmarks.http;

/**
 * What one load run sends, in table order, and what it may ask Stytch. Each scenario has its own path or
 * credential against one Jetty server (see {@link HttpLoadReport} and {@code HttpLoadServer}).
 */
public enum Scenario {

    /** The path without the filter, no credentials: what Jetty, the servlet and the client cost. */
    BASELINE("baseline", StytchCalls.NONE),

    /**
     * The path without the filter with the {@link #CACHED_JWT} cookie: what carrying a 1.7 KB credential costs
     * Jetty and the client, so that the filter's own cost is the difference to {@link #CACHED_JWT}.
     */
    BASELINE_WITH_JWT_COOKIE("baseline, same JWT cookie", StytchCalls.NONE),

    /** The filtered path with the same {@code stytch_session_jwt} cookie every request: the verified-token cache. */
    CACHED_JWT("filter, cached JWT", StytchCalls.NONE),

    /**
     * The {@link #CACHED_JWT} requests while every call to the emulator's {@code /v1/} hangs: a cached JWT must not
     * depend on Stytch (ADR 009). Run right after {@link #CACHED_JWT}, to which {@code HttpLoadTable} compares it
     * round by round.
     */
    STYTCH_HUNG("filter, cached JWT, Stytch hung", StytchCalls.NONE, Scenario.SETTINGS_CONNECTIONS, true),

    /**
     * The filtered path whose filter has the verified-token cache disabled ({@code stytch.cache.max-entries=0}),
     * with a bearer JWT taken in turn from a pool of distinct tokens: a full local verification per request.
     */
    NEW_JWT("filter, new JWT each request", StytchCalls.NONE),

    /** The filtered path with only a {@code stytch_session} cookie: {@code sessions/authenticate} per request. */
    OPAQUE_TOKEN("filter, opaque session token", StytchCalls.EVERY_REQUEST),

    /**
     * The same, behind a filter with {@code stytch.cache.opaque-tokens=true}, with a new session's token each run:
     * one call, then the result reused until the session JWT Stytch returned expires.
     */
    CACHED_OPAQUE_TOKEN("filter caching opaque tokens, opaque session token", StytchCalls.ONCE_PER_CREDENTIAL),

    /**
     * The filtered path with the same expired {@code stytch_session_jwt} cookie every request, minted anew each run,
     * from {@value #EXPIRED_JWT_CONNECTIONS} connections at once: concurrent requests share one call, later ones reuse
     * its result.
     */
    EXPIRED_JWT("filter, expired JWT, " + Scenario.EXPIRED_JWT_CONNECTIONS + " connections", StytchCalls.ONCE_PER_CREDENTIAL,
            Scenario.EXPIRED_JWT_CONNECTIONS, false),

    /**
     * The filtered path with {@code stytch_session} cookies cycled from a pool of distinct random tokens of Stytch's
     * shape, new each run: each refused by one call, then without one. Every answer is a 401.
     */
    RANDOM_OPAQUE_COOKIES("filter, random opaque cookies (401)", StytchCalls.ONCE_PER_REFUSED_CREDENTIAL);

    /** The concurrent connections of {@link #EXPIRED_JWT}, whatever {@link HttpLoadSettings#connections()} says. */
    public static final int EXPIRED_JWT_CONNECTIONS = 50;

    /** {@link #connections} of a scenario that uses the run's {@link HttpLoadSettings#connections()}. */
    private static final int SETTINGS_CONNECTIONS = 0;

    private final String label;
    private final StytchCalls calls;
    private final int connections;
    private final boolean stytchHung;

    Scenario(String label, StytchCalls calls) {
        this(label, calls, SETTINGS_CONNECTIONS, false);
    }

    Scenario(String label, StytchCalls calls, int connections, boolean stytchHung) {
        this.label = label;
        this.calls = calls;
        this.connections = connections;
        this.stytchHung = stytchHung;
    }

    /** @return the name in the report */
    public String label() {
        return label;
    }

    /** @return what the scenario's runs may ask Stytch, checked after every run */
    public StytchCalls calls() {
        return calls;
    }

    /**
     * @param settingsConnections the run's {@link HttpLoadSettings#connections()}
     * @return the concurrent connections of this scenario's runs
     */
    public int connections(int settingsConnections) {
        return connections == SETTINGS_CONNECTIONS ? settingsConnections : connections;
    }

    /** @return whether every call to the emulator hangs during this scenario's runs */
    public boolean stytchHung() {
        return stytchHung;
    }

    /** What a run of a scenario may ask the emulator, and how every such call must have been answered. */
    public enum StytchCalls {

        /** No call at all: a number never includes a network call. */
        NONE(0),

        /** At least one {@code sessions/authenticate}, each answered 200, and no other call. */
        EVERY_REQUEST(200),

        /**
         * {@code sessions/authenticate} calls only, each answered 200, at least one and at most one per distinct
         * credential the run sent, no credential twice.
         */
        ONCE_PER_CREDENTIAL(200),

        /** As {@link #ONCE_PER_CREDENTIAL}, each call answered 404 {@code session_not_found}. */
        ONCE_PER_REFUSED_CREDENTIAL(404);

        private final int status;

        StytchCalls(int status) {
            this.status = status;
        }

        /** @return the emulator's status for every allowed call; 0 when none is allowed */
        public int status() {
            return status;
        }
    }
}
