package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.SessionAttributes;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchMemberSession;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchSession;
import io.github.stytchjakarta.core.StytchUser;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.core.internal.json.Claims;
import java.util.Map;

/**
 * Maps the claims of a verified session JWT (see {@link SessionClaimValidator}) to the principal,
 * as Stytch's SDKs do: ids from {@code sub} and the session claim, timestamps, factors, attributes
 * and roles from the session claim, organization from the organization claim, and as custom claims
 * every top-level claim that is neither a registered JWT claim nor a {@code https://stytch.com/} claim.
 */
public final class SessionClaimsMapper {

    private final Vertical vertical;

    /**
     * @param vertical which principal type to build
     */
    public SessionClaimsMapper(Vertical vertical) {
        this.vertical = vertical;
    }

    /**
     * @param claims validated session JWT claims
     * @return the principal
     */
    public StytchPrincipal principal(JwtClaims claims) {
        Map<String, Object> session = Claims.object(claims.session());
        Map<String, Object> custom = claims.custom();
        String sessionId = Claims.string(session.get("id"));
        if (vertical == Vertical.CONSUMER) {
            Map<String, Object> attributes = Claims.object(session.get("attributes"));
            return new StytchUser(new StytchSession(sessionId, claims.subject(),
                    Claims.instant(session.get("started_at")), Claims.instant(session.get("last_accessed_at")),
                    Claims.instant(session.get("expires_at")),
                    attributes == null ? SessionAttributes.EMPTY : new SessionAttributes(
                            Claims.string(attributes.get("ip_address")), Claims.string(attributes.get("user_agent"))),
                    Claims.factors(session.get("authentication_factors")), Claims.strings(session.get("roles")),
                    custom));
        }
        Map<String, Object> organization = Claims.object(claims.organization());
        return new StytchMember(new StytchMemberSession(sessionId, claims.subject(),
                Claims.string(organization.get("organization_id")), Claims.string(organization.get("slug")),
                Claims.instant(session.get("started_at")), Claims.instant(session.get("last_accessed_at")),
                Claims.instant(session.get("expires_at")), Claims.factors(session.get("authentication_factors")),
                Claims.strings(session.get("roles")), custom));
    }
}
