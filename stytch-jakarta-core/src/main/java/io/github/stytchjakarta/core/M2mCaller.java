package io.github.stytchjakarta.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A caller authenticated by a Stytch M2M access token: an M2M client of the project (a caller of this
 * application, unlike {@link StytchClient}, which calls Stytch).
 *
 * @param clientId     the client id ({@code sub}, {@code m2m-client-...})
 * @param scopes       the scopes the token grants, in token order
 * @param customClaims the token's other claims (registered JWT claims, {@code scope} and
 *                     {@code https://stytch.com/} claims excluded)
 */
public record M2mCaller(String clientId, List<String> scopes, Map<String, Object> customClaims) implements StytchCaller {

    /** Requires the client id; copies the collections. */
    public M2mCaller {
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
        customClaims = Collections.unmodifiableMap(new LinkedHashMap<>(customClaims));
    }

    /** @return the client id */
    @Override
    public String getName() {
        return clientId;
    }

    /** @return the client id and scopes only: custom claims may carry what logs must not */
    @Override
    public String toString() {
        return "M2mCaller[clientId=" + clientId + ", scopes=" + scopes + ']';
    }
}
