package io.github.stytchjakarta.testkit;

import com.nimbusds.jwt.SignedJWT;
import io.github.stytchjakarta.testkit.internal.ConnectedAppEndpoints;
import io.github.stytchjakarta.testkit.internal.EmulatorState;
import io.github.stytchjakarta.testkit.internal.Ids;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Stytch as an OAuth authorization server for Connected Apps ({@link StytchEmulator#connectedApps()}): the clients,
 * access tokens a user or member granted to one, and their revocation, as the introspection endpoint sees it.
 * Thread-safe.
 *
 * <pre>
 * EmulatedConnectedApp agent = emulator.connectedApps().create(c -&gt; c.name("Agent").type(ClientType.THIRD_PARTY_PUBLIC));
 * String token = emulator.connectedApps().accessToken(member, agent, "read:documents");
 * emulator.connectedApps().revoke(token);     // introspection now answers {"active": false}
 * </pre>
 *
 * <p>The emulator does not run the authorization-code flow (there is no consent page): {@link #accessToken} stands
 * for its outcome, with the claims Stytch puts in the token.
 */
public final class EmulatorConnectedApps {

    /** The OIDC scopes Stytch grants in every project besides the RBAC policy's scopes. */
    public static final List<String> OIDC_SCOPES = List.of("openid", "profile", "email", "phone", "offline_access");

    private final EmulatorState state;
    private final EmulatorTokens tokens;

    EmulatorConnectedApps(EmulatorState state, EmulatorTokens tokens) {
        this.state = state;
        this.tokens = tokens;
    }

    /**
     * @param spec sets the client's name, type, redirect URLs and token lifetime
     * @return the new client, with a random secret if it is confidential
     */
    public EmulatedConnectedApp create(Consumer<EmulatedConnectedApp.Builder> spec) {
        EmulatedConnectedApp.Builder builder = new EmulatedConnectedApp.Builder();
        spec.accept(builder);
        EmulatedConnectedApp client = builder.build(state.ids().next("connected-app"),
                Ids.randomBase64Url(ConnectedAppEndpoints.SECRET_BYTES));
        state.connectedApps().add(client);
        return client;
    }

    /** @return every client, in creation order, {@link #defaultClient()} first */
    public List<EmulatedConnectedApp> clients() {
        return state.connectedApps().clients();
    }

    /**
     * @param clientId a client id
     * @return the client, if it exists (created here or over HTTP, not deleted)
     */
    public Optional<EmulatedConnectedApp> client(String clientId) {
        return state.connectedApps().client(clientId);
    }

    /**
     * @return the first-party confidential client every emulator has, whose tokens {@link EmulatorTokens#connectedAppToken}
     *         and {@link EmulatorTokens#idToken} mint without a client
     */
    public EmulatedConnectedApp defaultClient() {
        return tokens.defaultConnectedApp();
    }

    /**
     * Deletes a client: its tokens are no longer active and it can no longer authenticate.
     *
     * @param client the client
     * @return whether it existed
     */
    public boolean delete(EmulatedConnectedApp client) {
        return state.connectedApps().remove(client.clientId());
    }

    /**
     * An access token a member granted to a client: {@code sub} the member, {@code client_id}, {@code scope}
     * (space-separated), a random {@code jti}, the organization claim, the project as audience, the client's token
     * lifetime.
     *
     * @param member a member of this emulator
     * @param client a client of this emulator
     * @param scopes the granted scopes: {@link #OIDC_SCOPES} or the B2B policy's; none for
     *               {@link JwtMinter#CONNECTED_APP_SCOPES}
     * @return the signed token
     * @throws IllegalArgumentException for an unknown member, client or scope
     */
    public String accessToken(EmulatedMember member, EmulatedConnectedApp client, String... scopes) {
        requireKnownScopes(state.rbac().b2bPolicy(), scopes);
        return tokens.connectedAppToken(member, client, scopes).mint();
    }

    /**
     * An access token a user granted to a client: as {@link #accessToken(EmulatedMember, EmulatedConnectedApp, String...)}
     * without the organization claim.
     *
     * @param user   a user of this emulator
     * @param client a client of this emulator
     * @param scopes the granted scopes: {@link #OIDC_SCOPES} or the consumer policy's; none for
     *               {@link JwtMinter#CONNECTED_APP_SCOPES}
     * @return the signed token
     * @throws IllegalArgumentException for an unknown user, client or scope
     */
    public String accessToken(EmulatedUser user, EmulatedConnectedApp client, String... scopes) {
        requireKnownScopes(state.rbac().consumerPolicy(), scopes);
        return tokens.connectedAppToken(user, client, scopes).mint();
    }

    /**
     * Revokes one access token: introspection answers {@code active: false} for it. Local verification still accepts
     * it until it expires, as with Stytch.
     *
     * @param accessToken a Connected-App access token
     * @return whether it had a {@code jti} to revoke
     */
    public boolean revoke(String accessToken) {
        try {
            String tokenId = SignedJWT.parse(Objects.requireNonNull(accessToken, "accessToken")).getJWTClaimsSet().getJWTID();
            if (tokenId == null) {
                return false;
            }
            state.connectedApps().revokeToken(tokenId);
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    /**
     * Revokes every access token issued to a client up to now (to the second: a token minted in the same second is
     * revoked too).
     *
     * @param client the client
     */
    public void revoke(EmulatedConnectedApp client) {
        state.connectedApps().revokeClientTokens(client.clientId(), state.now());
    }

    /**
     * @param authorizationUrl the {@code authorization_endpoint} of the metadata documents: your application's consent
     *                         page; default {@code {baseUrl}/oauth2/authorize}, which the emulator does not serve
     */
    public void setAuthorizationUrl(URI authorizationUrl) {
        state.connectedApps().setAuthorizationUrl(Objects.requireNonNull(authorizationUrl, "authorizationUrl"));
    }

    private static void requireKnownScopes(EmulatedPolicy policy, String... scopes) {
        Set<String> known = new LinkedHashSet<>(OIDC_SCOPES);
        policy.scopes().forEach(scope -> known.add(scope.scope()));
        for (String scope : scopes) {
            if (!known.contains(scope)) {
                throw new IllegalArgumentException("Not a scope of the project: " + scope + " (known: " + known + ")");
            }
        }
    }
}
