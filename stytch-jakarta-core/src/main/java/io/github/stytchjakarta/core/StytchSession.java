package io.github.stytchjakarta.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A consumer session, the same type whether it was read from a session JWT or from Stytch's API
 * ({@code session} objects of {@code sessions/authenticate} and {@code GET /v1/sessions}).
 *
 * @param sessionId             the session id ({@code session-...})
 * @param userId                the user id ({@code user-...})
 * @param startedAt             when the session started, {@code null} if Stytch did not say
 * @param lastAccessedAt        when the session was last used, {@code null} if Stytch did not say
 * @param expiresAt             when the session expires, {@code null} if Stytch did not say
 * @param attributes            where the session was started
 * @param authenticationFactors how the user authenticated (unmodifiable)
 * @param roles                 the session's role ids, e.g. {@code stytch_user} (unmodifiable)
 * @param customClaims          the session's custom claims (unmodifiable; Stytch's own claims and the
 *                              registered JWT claims are never included)
 */
public record StytchSession(String sessionId, String userId, Instant startedAt, Instant lastAccessedAt,
                            Instant expiresAt, SessionAttributes attributes,
                            List<AuthenticationFactor> authenticationFactors, List<String> roles,
                            Map<String, Object> customClaims) {

    /** Requires the ids; replaces absent collections with empty ones and copies them. */
    public StytchSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        attributes = attributes == null ? SessionAttributes.EMPTY : attributes;
        authenticationFactors = authenticationFactors == null ? List.of() : List.copyOf(authenticationFactors);
        roles = roles == null ? List.of() : List.copyOf(roles);
        customClaims = customClaims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(customClaims));
    }

    /** @return the session and user ids only: attributes, factors and custom claims hold personal data */
    @Override
    public String toString() {
        return "StytchSession[sessionId=" + sessionId + ", userId=" + userId + ']';
    }
}
