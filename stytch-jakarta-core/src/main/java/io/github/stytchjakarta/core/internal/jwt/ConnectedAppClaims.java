package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.ConnectedAppCaller;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.core.internal.json.Claims;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and reads the claims of a Connected-App access token (docs/adr-007-token-kinds.md): {@code sub} (the user or
 * member), a {@code client_id} string, a {@code scope} string (space separated), and for a B2B project the organization
 * claim with its {@code organization_id}; a consumer token carrying an organization claim must carry the id too. That
 * the token is a Connected-App access token at all is {@link TokenKindValidator}'s check. Immutable and thread-safe.
 */
public final class ConnectedAppClaims implements ClaimValidator {

    private static final String ORGANIZATION_ID = "organization_id";

    private final Vertical vertical;

    ConnectedAppClaims(Vertical vertical) {
        this.vertical = vertical;
    }

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        Map<String, Object> custom = claims.custom();
        if (claims.subject() == null || Claims.string(custom.get(StytchClaims.CLIENT_ID)) == null
                || Claims.string(custom.get(StytchClaims.SCOPE)) == null) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
        if ((vertical == Vertical.B2B || claims.organization() != null) && organizationId(claims).isEmpty()) {
            throw new InvalidTokenException(Reason.MISSING_CLAIM);
        }
    }

    /**
     * @param claims verified Connected-App access token claims
     * @return the caller
     */
    public static ConnectedAppCaller caller(JwtClaims claims) {
        Map<String, Object> custom = new LinkedHashMap<>(claims.custom());
        String clientId = (String) custom.remove(StytchClaims.CLIENT_ID);
        String scope = (String) custom.remove(StytchClaims.SCOPE);
        List<String> scopes = Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).toList();
        return new ConnectedAppCaller(claims.subject(), clientId, scopes, organizationId(claims), custom);
    }

    private static Optional<String> organizationId(JwtClaims claims) {
        Map<String, Object> organization = Claims.object(claims.organization());
        return organization == null ? Optional.empty() : Optional.ofNullable(Claims.string(organization.get(ORGANIZATION_ID)));
    }
}
