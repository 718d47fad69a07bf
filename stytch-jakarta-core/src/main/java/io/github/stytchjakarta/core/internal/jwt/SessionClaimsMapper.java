package io.github.stytchjakarta.core.internal.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.stytchjakarta.core.SessionAttributes;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchMemberSession;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchSession;
import io.github.stytchjakarta.core.StytchUser;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.core.internal.json.Claims;
import java.util.LinkedHashMap;
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
    public StytchPrincipal principal(JWTClaimsSet claims) {
        Map<String, Object> session = Claims.object(claims.getClaim(StytchClaims.SESSION));
        Map<String, Object> custom = customClaims(claims);
        String sessionId = Claims.string(session.get("id"));
        if (vertical == Vertical.CONSUMER) {
            Map<String, Object> attributes = Claims.object(session.get("attributes"));
            return new StytchUser(new StytchSession(sessionId, claims.getSubject(),
                    Claims.instant(session.get("started_at")), Claims.instant(session.get("last_accessed_at")),
                    Claims.instant(session.get("expires_at")),
                    attributes == null ? SessionAttributes.EMPTY : new SessionAttributes(
                            Claims.string(attributes.get("ip_address")), Claims.string(attributes.get("user_agent"))),
                    Claims.factors(session.get("authentication_factors")), Claims.strings(session.get("roles")),
                    custom));
        }
        Map<String, Object> organization = Claims.object(claims.getClaim(StytchClaims.ORGANIZATION));
        return new StytchMember(new StytchMemberSession(sessionId, claims.getSubject(),
                Claims.string(organization.get("organization_id")), Claims.string(organization.get("slug")),
                Claims.instant(session.get("started_at")), Claims.instant(session.get("last_accessed_at")),
                Claims.instant(session.get("expires_at")), Claims.factors(session.get("authentication_factors")),
                Claims.strings(session.get("roles")), custom));
    }

    /**
     * @param claims verified claims
     * @return the claims that are neither registered nor Stytch's own
     */
    static Map<String, Object> customClaims(JWTClaimsSet claims) {
        Map<String, Object> custom = new LinkedHashMap<>();
        for (Map.Entry<String, Object> claim : claims.getClaims().entrySet()) {
            if (StytchClaims.isCustom(claim.getKey())) {
                custom.put(claim.getKey(), claim.getValue());
            }
        }
        return custom;
    }
}
