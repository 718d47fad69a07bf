package io.github.stytchjakarta.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A machine-to-machine client authenticated by a Stytch M2M access token.
 *
 * @param clientId     the client id ({@code sub}, {@code m2m-client-...})
 * @param scopes       the scopes the token grants, in token order
 * @param customClaims the token's other claims (registered JWT claims, {@code scope} and
 *                     {@code https://stytch.com/} claims excluded)
 */
public record M2mClient(String clientId, List<String> scopes, Map<String, Object> customClaims) {

    /** Requires the client id; copies the collections. */
    public M2mClient {
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
        customClaims = Collections.unmodifiableMap(new LinkedHashMap<>(customClaims));
    }
}
