package io.github.stytchjakarta.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A B2B member session, the same type whether it was read from a session JWT or from Stytch's API
 * ({@code member_session} objects of {@code b2b/sessions/authenticate} and {@code GET /v1/b2b/sessions}).
 *
 * @param memberSessionId       the session id ({@code member-session-...} or {@code session-...})
 * @param memberId              the member id ({@code member-...})
 * @param organizationId        the organization id ({@code organization-...})
 * @param organizationSlug      the organization slug
 * @param startedAt             when the session started, {@code null} if Stytch did not say
 * @param lastAccessedAt        when the session was last used, {@code null} if Stytch did not say
 * @param expiresAt             when the session expires, {@code null} if Stytch did not say
 * @param authenticationFactors how the member authenticated (unmodifiable)
 * @param roles                 the role ids valid for this session, e.g. {@code stytch_member} (unmodifiable)
 * @param customClaims          the session's custom claims (unmodifiable; Stytch's own claims and the
 *                              registered JWT claims are never included)
 */
public record StytchMemberSession(String memberSessionId, String memberId, String organizationId,
                                  String organizationSlug, Instant startedAt, Instant lastAccessedAt,
                                  Instant expiresAt, List<AuthenticationFactor> authenticationFactors,
                                  List<String> roles, Map<String, Object> customClaims) {

    /** Requires the ids; replaces absent collections with empty ones and copies them. */
    public StytchMemberSession {
        Objects.requireNonNull(memberSessionId, "memberSessionId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(organizationId, "organizationId");
        organizationSlug = organizationSlug == null ? "" : organizationSlug;
        authenticationFactors = authenticationFactors == null ? List.of() : List.copyOf(authenticationFactors);
        roles = roles == null ? List.of() : List.copyOf(roles);
        customClaims = customClaims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(customClaims));
    }

    /** @return the session, member and organization ids only: factors and custom claims hold personal data */
    @Override
    public String toString() {
        return "StytchMemberSession[memberSessionId=" + memberSessionId + ", memberId=" + memberId
                + ", organizationId=" + organizationId + ']';
    }
}
