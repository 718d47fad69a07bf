package io.github.stytchjakarta.testkit;

import com.nimbusds.jwt.SignedJWT;
import io.github.stytchjakarta.testkit.internal.ConnectedAppEndpoints;
import io.github.stytchjakarta.testkit.internal.ConnectedAppScopes;
import io.github.stytchjakarta.testkit.internal.Consent;
import io.github.stytchjakarta.testkit.internal.EmulatorState;
import io.github.stytchjakarta.testkit.internal.Ids;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Stytch as an OAuth authorization server for Connected Apps ({@link StytchEmulator#connectedApps()}): the clients,
 * access tokens a user or member granted to one, who approves on the emulator's authorization page, and revocation,
 * as the introspection endpoint sees it. Thread-safe.
 *
 * <pre>
 * EmulatedConnectedApp agent = emulator.connectedApps().create(c -&gt; c.name("Agent").type(ClientType.THIRD_PARTY_PUBLIC));
 * String token = emulator.connectedApps().accessToken(member, agent, "read:documents");
 * emulator.connectedApps().revoke(token);     // introspection now answers {"active": false}
 * </pre>
 *
 * <p>The authorization-code flow with PKCE runs over HTTP: at Stytch the application hosts the consent page; the
 * emulator serves {@code GET {baseUrl}/oauth2/authorize} instead, where the subject of {@link #consentAs(EmulatedMember)}
 * approves every request at once, and the token endpoint redeems the code for the token {@link #accessToken} mints.
 *
 * <pre>
 * emulator.connectedApps().consentAs(member);   // now an OAuth client's authorization request returns a code
 * </pre>
 */
public final class EmulatorConnectedApps {

    /** The OIDC scopes Stytch grants in every project besides the RBAC policy's scopes. */
    public static final List<String> OIDC_SCOPES = List.of("openid", "profile", "email", "phone", "offline_access");

    /** How long a code of the emulator's authorization page can be redeemed, on the emulator's clock. */
    public static final Duration AUTHORIZATION_CODE_LIFETIME = Duration.ofSeconds(60);

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
     *                         page; default {@code {baseUrl}/oauth2/authorize}, the emulator's own, which stops
     *                         answering (404) once this is set
     */
    public void setAuthorizationUrl(URI authorizationUrl) {
        state.connectedApps().setAuthorizationUrl(Objects.requireNonNull(authorizationUrl, "authorizationUrl"));
    }

    /**
     * Signs a member in on the emulator's authorization page ({@code GET {baseUrl}/oauth2/authorize}): from now on it
     * approves every valid authorization request, granting the requested scopes of the B2B policy or
     * {@link #OIDC_SCOPES}.
     *
     * @param member a member of this emulator
     * @throws IllegalArgumentException for an unknown member
     */
    public void consentAs(EmulatedMember member) {
        EmulatedMember known = state.directory().requireMember(member.memberId());
        state.connectedApps().setConsent(new Consent(known.memberId(), known.organizationId()));
    }

    /**
     * As {@link #consentAs(EmulatedMember)} for a user, granting scopes of the consumer policy.
     *
     * @param user a user of this emulator
     * @throws IllegalArgumentException for an unknown user
     */
    public void consentAs(EmulatedUser user) {
        EmulatedUser known = state.directory().requireUser(user.userId());
        state.connectedApps().setConsent(new Consent(known.userId(), null));
    }

    /**
     * Nobody is signed in on the emulator's authorization page (the default): it refuses every request with
     * {@code error=access_denied}.
     */
    public void consentAsNobody() {
        state.connectedApps().setConsent(null);
    }

    private static void requireKnownScopes(EmulatedPolicy policy, String... scopes) {
        Set<String> known = ConnectedAppScopes.grantable(policy);
        for (String scope : scopes) {
            if (!known.contains(scope)) {
                throw new IllegalArgumentException("Not a scope of the project: " + scope + " (known: " + known + ")");
            }
        }
    }
}
