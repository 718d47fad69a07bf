package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.EmulatorState;
import io.github.stytchjakarta.testkit.internal.JsonValues;
import io.github.stytchjakarta.testkit.internal.SessionData;
import io.github.stytchjakarta.testkit.internal.Vertical;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A consumer or B2B session seeded into a {@link StytchEmulator}: a live handle whose accessors read the session's
 * current state (authenticating it over HTTP may extend it or change its custom claims; it may be revoked).
 * Thread-safe. {@link #toString()} shows only the session id.
 */
public final class EmulatedSession {

    private final EmulatorState state;
    private final EmulatorTokens tokens;
    private final String sessionId;
    private final String sessionToken;

    EmulatedSession(EmulatorState state, EmulatorTokens tokens, String sessionId, String sessionToken) {
        this.state = state;
        this.tokens = tokens;
        this.sessionId = sessionId;
        this.sessionToken = sessionToken;
    }

    /** @return {@code session-test-<uuid>} (consumer) or {@code member-session-test-<uuid>} (B2B) */
    public String sessionId() {
        return sessionId;
    }

    /** @return the opaque session token: 44 characters of base64url */
    public String sessionToken() {
        return sessionToken;
    }

    /**
     * @return a JWT for this session minted now ({@code exp} in 5 minutes), as {@code emulator.tokens().jwt(this).mint()}
     */
    public String sessionJwt() {
        return tokens.jwt(this).mint();
    }

    /** @return whether this is a B2B member session */
    public boolean isB2b() {
        return data().vertical() == Vertical.B2B;
    }

    /** @return the user id of a consumer session, {@code null} for a B2B session */
    public String userId() {
        return isB2b() ? null : data().subjectId();
    }

    /** @return the member id of a B2B session, {@code null} for a consumer session */
    public String memberId() {
        return isB2b() ? data().subjectId() : null;
    }

    /** @return the organization id of a B2B session, {@code null} for a consumer session */
    public String organizationId() {
        return data().organizationId();
    }

    /** @return when the session started */
    public Instant startedAt() {
        return data().startedAt();
    }

    /** @return when the session was last authenticated */
    public Instant lastAccessedAt() {
        return data().lastAccessedAt();
    }

    /** @return when the session expires (now, after any extension) */
    public Instant expiresAt() {
        return data().expiresAt();
    }

    /** @return whether the session is neither revoked nor expired at the emulator's clock */
    public boolean isActive() {
        return data().isActive(state.now());
    }

    /** @return the current custom claims */
    public Map<String, Object> customClaims() {
        return data().customClaims();
    }

    /** @return the authentication factors */
    public List<EmulatedFactor> authenticationFactors() {
        return data().factors();
    }

    /** @return the session's roles: {@code stytch_user} or {@code stytch_member} and the subject's roles */
    public List<String> roles() {
        return state.rbac().sessionRoles(data());
    }

    SessionData data() {
        return state.sessions().session(sessionId).orElseThrow(); // seeded sessions are never removed
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmulatedSession session && session.state == state && session.sessionId.equals(sessionId);
    }

    @Override
    public int hashCode() {
        return sessionId.hashCode();
    }

    @Override
    public String toString() {
        return "EmulatedSession[" + sessionId + "]";
    }

    /**
     * What to seed: passed to {@link StytchEmulator#createSession} and {@link StytchEmulator#createMemberSession}.
     * Not thread-safe; use it in one thread.
     */
    public static final class Builder {

        /** The duration of a session created without {@link #duration}; Stytch's B2B default. */
        public static final Duration DEFAULT_DURATION = Duration.ofMinutes(60);

        private Duration duration = DEFAULT_DURATION;
        private Instant startedAt;
        private final Map<String, Object> customClaims = new LinkedHashMap<>();
        private final List<EmulatedFactor> factors = new ArrayList<>();
        private String ipAddress = "";
        private String userAgent = "";

        Builder() {
        }

        /**
         * @param duration how long the session lives from its start; positive; default {@link #DEFAULT_DURATION}
         * @return this builder
         */
        public Builder duration(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("A session duration is positive");
            }
            this.duration = duration;
            return this;
        }

        /**
         * @param startedAt when the session started; default the emulator's clock now
         * @return this builder
         */
        public Builder startedAt(Instant startedAt) {
            this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
            return this;
        }

        /**
         * Adds a custom claim, carried on the session object and at the top level of its JWTs.
         *
         * @param name  the claim; not a registered JWT claim nor a {@code https://stytch.com/} claim
         * @param value a JSON-like value (String, Number, Boolean, List, Map); not {@code null}
         * @return this builder
         */
        public Builder customClaim(String name, Object value) {
            if (JsonValues.isReservedClaim(name)) {
                throw new IllegalArgumentException("Reserved claim: " + name);
            }
            customClaims.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds an authentication factor. Without any, a session has an email magic link for the subject's email (none
         * for a consumer user without email).
         *
         * @param factor the factor, e.g. {@link EmulatedFactors#emailMagicLink}
         * @return this builder
         */
        public Builder factor(EmulatedFactor factor) {
            factors.add(Objects.requireNonNull(factor, "factor"));
            return this;
        }

        /**
         * @param ipAddress the session's {@code attributes.ip_address}; default {@code ""}
         * @param userAgent the session's {@code attributes.user_agent}; default {@code ""}
         * @return this builder
         */
        public Builder attributes(String ipAddress, String userAgent) {
            this.ipAddress = Objects.requireNonNull(ipAddress, "ipAddress");
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        SessionData build(String sessionId, String sessionToken, Vertical vertical, String subjectId, String organizationId,
                Instant now, List<EmulatedFactor> defaultFactors) {
            Instant start = startedAt == null ? now : startedAt;
            return new SessionData(sessionId, sessionToken, vertical, subjectId, organizationId, start, start,
                    start.plus(duration), false, ipAddress, userAgent, factors.isEmpty() ? defaultFactors : factors, customClaims);
        }
    }
}
