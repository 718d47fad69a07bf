package io.github.stytchjakarta.testkit;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Connected-App client of a {@link StytchEmulator}: an OAuth client for which Stytch acts as the authorization server,
 * created with {@link EmulatorConnectedApps#create} or {@code POST /v1/connected_apps/clients}. Its access tokens come
 * from {@link EmulatorConnectedApps#accessToken} and are checked by the introspection endpoint. Immutable and
 * thread-safe; {@link #toString()} leaves out the secret.
 *
 * @param clientId            {@code connected-app-test-<uuid>}
 * @param clientSecret        the secret of a confidential client, {@code null} for a public one
 * @param clientName          the name ({@code ""} for none)
 * @param clientDescription   the description ({@code ""} for none)
 * @param clientType          first or third party, confidential or public
 * @param redirectUrls        the allowed redirect URLs
 * @param accessTokenLifetime the life of its access tokens, whole minutes ({@code access_token_expiry_minutes})
 */
public record EmulatedConnectedApp(String clientId, String clientSecret, String clientName, String clientDescription,
        ClientType clientType, List<String> redirectUrls, Duration accessTokenLifetime) {

    /** The type of a client created without {@link Builder#type}. */
    public static final ClientType DEFAULT_TYPE = ClientType.FIRST_PARTY;

    /** The access-token life of a client created without {@link Builder#accessTokenLifetime}: Stytch's one hour. */
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = JwtMinter.CONNECTED_APP_TOKEN_LIFETIME;

    public EmulatedConnectedApp {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientDescription, "clientDescription");
        Objects.requireNonNull(clientType, "clientType");
        if (clientType.isPublic() != (clientSecret == null)) {
            throw new IllegalArgumentException("A confidential client has a secret, a public one none");
        }
        redirectUrls = List.copyOf(redirectUrls);
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
    }

    @Override
    public String toString() {
        return "EmulatedConnectedApp[clientId=" + clientId + ", clientType=" + clientType + "]";
    }

    /**
     * The four client types of the spec's {@code api_connectedapps_v1_CreateRequestClientType}: first-party clients may
     * skip the consent screen, public ones have no secret and must use PKCE.
     */
    public enum ClientType {
        /** A confidential client of the project's own. */
        FIRST_PARTY,
        /** A public client of the project's own. */
        FIRST_PARTY_PUBLIC,
        /** A confidential client of someone else. */
        THIRD_PARTY,
        /** A public client of someone else (what dynamic client registration creates for MCP clients). */
        THIRD_PARTY_PUBLIC;

        /** @return the API value, e.g. {@code first_party_public} */
        public String apiValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return whether the client has no secret */
        public boolean isPublic() {
            return this == FIRST_PARTY_PUBLIC || this == THIRD_PARTY_PUBLIC;
        }

        /**
         * @param apiValue an API value
         * @return the type it names
         */
        public static Optional<ClientType> fromApiValue(String apiValue) {
            return Arrays.stream(values()).filter(type -> type.apiValue().equals(apiValue)).findFirst();
        }
    }

    /**
     * What to create: passed to {@link EmulatorConnectedApps#create}. Not thread-safe; use it in one thread.
     */
    public static final class Builder {

        private String name = "";
        private String description = "";
        private ClientType type = DEFAULT_TYPE;
        private List<String> redirectUrls = List.of();
        private Duration accessTokenLifetime = DEFAULT_ACCESS_TOKEN_LIFETIME;

        Builder() {
        }

        /**
         * @param name the client name; default {@code ""}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param description the client description; default {@code ""}
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * @param type the client type; default {@link #DEFAULT_TYPE}
         * @return this builder
         */
        public Builder type(ClientType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * @param redirectUrls the allowed redirect URLs; default none
         * @return this builder
         */
        public Builder redirectUrls(String... redirectUrls) {
            this.redirectUrls = List.of(redirectUrls);
            return this;
        }

        /**
         * @param lifetime the life of the client's access tokens, a positive whole number of minutes; default
         *                 {@link #DEFAULT_ACCESS_TOKEN_LIFETIME}
         * @return this builder
         */
        public Builder accessTokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero() || lifetime.toSecondsPart() != 0 || lifetime.toNanosPart() != 0) {
                throw new IllegalArgumentException("An access-token lifetime is a positive whole number of minutes");
            }
            this.accessTokenLifetime = lifetime;
            return this;
        }

        EmulatedConnectedApp build(String clientId, String clientSecret) {
            return new EmulatedConnectedApp(clientId, type.isPublic() ? null : clientSecret, name, description, type,
                    redirectUrls, accessTokenLifetime);
        }
    }
}
