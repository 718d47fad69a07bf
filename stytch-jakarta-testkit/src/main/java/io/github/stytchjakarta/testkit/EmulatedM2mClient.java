package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An M2M client seeded into a {@link StytchEmulator} with {@link StytchEmulator#createM2mClient}. It can get access
 * tokens over HTTP ({@code POST /v1/public/{project_id}/oauth2/token}) or from {@link EmulatorTokens#m2mToken}.
 * Immutable and thread-safe; {@link #toString()} leaves out the secret.
 *
 * @param clientId     {@code m2m-client-test-<uuid>}
 * @param clientSecret the client secret
 * @param scopes       the scopes the client may request, e.g. {@code read:users}
 * @param customClaims claims added to every access token of this client (the client's JWT template)
 */
public record EmulatedM2mClient(String clientId, String clientSecret, List<String> scopes, Map<String, Object> customClaims) {

    public EmulatedM2mClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        scopes = List.copyOf(scopes);
        customClaims = JsonValues.immutableObject(customClaims);
    }

    @Override
    public String toString() {
        return "EmulatedM2mClient[clientId=" + clientId + ", scopes=" + scopes + "]";
    }

    /**
     * What to seed: passed to {@link StytchEmulator#createM2mClient}. Not thread-safe; use it in one thread.
     */
    public static final class Builder {

        private List<String> scopes = List.of();
        private final Map<String, Object> customClaims = new LinkedHashMap<>();

        Builder() {
        }

        /**
         * @param scopes the scopes the client may request (no spaces in a scope); default none
         * @return this builder
         */
        public Builder scopes(String... scopes) {
            for (String scope : scopes) {
                if (scope.isEmpty() || scope.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("A scope is a non-empty string without spaces");
                }
            }
            this.scopes = List.of(scopes);
            return this;
        }

        /**
         * @param name  a top-level claim added to every access token of the client; not a registered JWT claim
         * @param value a JSON-like value (String, Number, Boolean, List, Map)
         * @return this builder
         */
        public Builder customClaim(String name, Object value) {
            if (JsonValues.isReservedClaim(name)) {
                throw new IllegalArgumentException("Reserved claim: " + name);
            }
            customClaims.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        EmulatedM2mClient build(String clientId, String clientSecret) {
            return new EmulatedM2mClient(clientId, clientSecret, scopes, customClaims);
        }
    }
}
