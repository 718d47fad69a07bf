package io.github.stytchjakarta.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user or member acting through a Connected App (Stytch as OAuth / OIDC provider), authenticated by a
 * Connected-App access token: the token's subject acts only within its scopes, not with the roles of their
 * sessions. {@code toString()} shows ids and scopes only.
 *
 * @param subject        the user or member id ({@code sub})
 * @param clientId       the Connected App's client id ({@code client_id}, {@code connected-app-...})
 * @param scopes         the scopes the token grants, in token order
 * @param organizationId the member's organization (the organization claim of a B2B token); empty for a user
 * @param customClaims   the token's other claims (registered JWT claims, {@code scope}, {@code client_id} and
 *                       {@code https://stytch.com/} claims excluded)
 */
public record ConnectedAppCaller(String subject, String clientId, List<String> scopes, Optional<String> organizationId,
                                 Map<String, Object> customClaims) implements StytchCaller {

    /** Requires the ids; copies the collections. */
    public ConnectedAppCaller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(organizationId, "organizationId");
        scopes = List.copyOf(scopes);
        customClaims = Collections.unmodifiableMap(new LinkedHashMap<>(customClaims));
    }

    /** @return the user or member id */
    @Override
    public String getName() {
        return subject;
    }

    /** @return the ids and scopes only */
    @Override
    public String toString() {
        return "ConnectedAppCaller[subject=" + subject + ", clientId=" + clientId + ", scopes=" + scopes
                + organizationId.map(id -> ", organizationId=" + id).orElse("") + ']';
    }
}
