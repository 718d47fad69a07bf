package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Connected-App clients and what was revoked: single access tokens (by {@code jti}) and every token a client held
 * at a moment; who consents on the emulator's authorization page and the codes it issued. Tokens are not stored:
 * introspection reads them from their signed claims. Thread-safe: the client map is guarded by this object, the
 * revocations and codes are concurrent, the consent and authorization URL volatile.
 */
public final class ConnectedAppStore {

    private final Map<String, EmulatedConnectedApp> clients = new LinkedHashMap<>();
    private final Set<String> revokedTokenIds = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> clientRevocations = new ConcurrentHashMap<>();
    private final AuthorizationCodes authorizationCodes = new AuthorizationCodes();
    private volatile URI authorizationUrl;
    private volatile Consent consent;

    public synchronized void add(EmulatedConnectedApp client) {
        clients.put(client.clientId(), client);
    }

    public synchronized Optional<EmulatedConnectedApp> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    /**
     * Authenticates a Connected-App client calling an OAuth endpoint (token, introspection): by its id alone when it is
     * public (it has no secret), else by its id and secret (RFC 6749 §2.3.1).
     *
     * @param credentials the credentials the request carried
     * @return the client
     * @throws ApiException {@code 400 invalid_request} without a client id, {@code 401 invalid_client} otherwise
     */
    public EmulatedConnectedApp authenticate(ClientCredentials credentials) {
        if (credentials.clientId() == null) {
            throw ApiException.oauth(400, "invalid_request", "client_id is required.");
        }
        return client(credentials.clientId())
                .filter(client -> client.clientSecret() == null || credentials.secretMatches(client.clientSecret()))
                .orElseThrow(() -> ApiException.oauth(401, "invalid_client", "Client authentication failed."));
    }

    /** @return the clients in creation order */
    public synchronized List<EmulatedConnectedApp> clients() {
        return List.copyOf(clients.values());
    }

    /**
     * @param clientId a client id
     * @return whether the client existed
     */
    public synchronized boolean remove(String clientId) {
        return clients.remove(clientId) != null;
    }

    /**
     * @param tokenId the {@code jti} of an access token
     */
    public void revokeToken(String tokenId) {
        revokedTokenIds.add(tokenId);
    }

    /**
     * Revokes the tokens issued to a client up to {@code now}, to the second ({@code iat} has no finer grain).
     *
     * @param clientId the client id
     * @param now      the moment of revocation
     */
    public void revokeClientTokens(String clientId, Instant now) {
        clientRevocations.merge(clientId, now, (before, after) -> after.isAfter(before) ? after : before);
    }

    /**
     * @param clientId the token's {@code client_id}
     * @param tokenId  its {@code jti}, or {@code null}
     * @param issuedAt its {@code iat}
     * @return whether the token was revoked by id or with its client's tokens
     */
    public boolean isRevoked(String clientId, String tokenId, Instant issuedAt) {
        Instant revokedAt = clientRevocations.get(clientId);
        return tokenId != null && revokedTokenIds.contains(tokenId)
                || revokedAt != null && !issuedAt.isAfter(revokedAt.truncatedTo(ChronoUnit.SECONDS));
    }

    /** @return the authorization URL set for the metadata documents, or {@code null} for the default */
    public URI authorizationUrl() {
        return authorizationUrl;
    }

    public void setAuthorizationUrl(URI authorizationUrl) {
        this.authorizationUrl = authorizationUrl;
    }

    /** @return who approves on the emulator's authorization page, or {@code null} for nobody */
    public Consent consent() {
        return consent;
    }

    /** @param consent who approves from now on, or {@code null} for nobody */
    public void setConsent(Consent consent) {
        this.consent = consent;
    }

    /** @return the codes the authorization page issued */
    public AuthorizationCodes authorizationCodes() {
        return authorizationCodes;
    }
}
