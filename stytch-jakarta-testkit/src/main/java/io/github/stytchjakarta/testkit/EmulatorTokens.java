package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.ConnectedAppEndpoints;
import io.github.stytchjakarta.testkit.internal.Consent;
import io.github.stytchjakarta.testkit.internal.EmulatorState;
import io.github.stytchjakarta.testkit.internal.Ids;
import io.github.stytchjakarta.testkit.internal.SessionData;
import io.github.stytchjakarta.testkit.internal.TokenIssuer;
import java.util.List;

/**
 * Mints JWTs of every kind the emulator's keys sign ({@link StytchEmulator#tokens()}): session JWTs, M2M access
 * tokens, and a Connected App's access and ID tokens. Each method gives a {@link JwtMinter} to adjust the token
 * (expired, other key, other claims) before {@link JwtMinter#mint()}. Thread-safe.
 *
 * <pre>
 * String jwt = emulator.tokens().jwt(session).mint();
 * String expired = emulator.tokens().jwt(session).expired().mint();
 * String m2m = emulator.tokens().m2mToken(client).scopes("read:documents").mint();
 * </pre>
 */
public final class EmulatorTokens {

    /** The name of the Connected-App client every emulator has ({@link EmulatorConnectedApps#defaultClient()}). */
    public static final String DEFAULT_CONNECTED_APP_NAME = "Emulator default app";

    private final EmulatorState state;
    private final EmulatedConnectedApp defaultConnectedApp;

    EmulatorTokens(EmulatorState state) {
        this.state = state;
        this.defaultConnectedApp = new EmulatedConnectedApp.Builder().name(DEFAULT_CONNECTED_APP_NAME)
                .build(state.ids().next("connected-app"), Ids.randomBase64Url(ConnectedAppEndpoints.SECRET_BYTES));
        state.connectedApps().add(defaultConnectedApp);
    }

    EmulatedConnectedApp defaultConnectedApp() {
        return defaultConnectedApp;
    }

    /** The tokens the HTTP endpoints answer with: minted now, with every default. */
    TokenIssuer issuer() {
        return new TokenIssuer() {
            @Override
            public String sessionJwt(SessionData session) {
                return new JwtMinter(state, () -> state.claims().session(session), JwtMinter.SESSION_JWT_LIFETIME).mint();
            }

            @Override
            public String m2mToken(EmulatedM2mClient client, List<String> scopes) {
                return new JwtMinter(state, () -> state.claims().m2m(client, scopes), JwtMinter.M2M_TOKEN_LIFETIME).mint();
            }

            @Override
            public String connectedAppToken(Consent consent, EmulatedConnectedApp client, List<String> scopes) {
                return connectedAppMinter(consent.subjectId(), consent.organizationId(), client, scopes.toArray(String[]::new))
                        .mint();
            }
        };
    }

    /**
     * @param session a session of this emulator (revoked or expired ones too)
     * @return a minter for a JWT of that session, with the session's current state
     */
    public JwtMinter jwt(EmulatedSession session) {
        String sessionId = session.sessionId();
        sessionData(sessionId); // fails fast for a session of another emulator
        return new JwtMinter(state, () -> state.claims().session(sessionData(sessionId)), JwtMinter.SESSION_JWT_LIFETIME);
    }

    private SessionData sessionData(String sessionId) {
        return state.sessions().session(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown session " + sessionId));
    }

    /**
     * @param client a client of this emulator
     * @return a minter for an access token of that client with all its scopes ({@link JwtMinter#scopes} narrows them)
     */
    public JwtMinter m2mToken(EmulatedM2mClient client) {
        EmulatedM2mClient known = state.directory().m2mClient(client.clientId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown M2M client " + client.clientId()));
        return new JwtMinter(state, () -> state.claims().m2m(known, known.scopes()), JwtMinter.M2M_TOKEN_LIFETIME);
    }

    /**
     * @return the client id of {@link EmulatorConnectedApps#defaultClient()}, whose tokens {@link #connectedAppToken}
     *         and {@link #idToken} mint without a client, {@code connected-app-test-<uuid>}
     */
    public String connectedAppClientId() {
        return defaultConnectedApp.clientId();
    }

    /**
     * A Connected-App access token: what an OAuth client gets when the user grants it access. Same keys, issuer and
     * audience as a session JWT, but {@code client_id}, {@code scope} ({@link JwtMinter#CONNECTED_APP_SCOPES}) and
     * {@code jti} instead of the session claim.
     *
     * @param user a user of this emulator
     * @return a minter for an access token the user granted to {@link #connectedAppClientId()}
     */
    public JwtMinter connectedAppToken(EmulatedUser user) {
        return connectedAppToken(user, defaultConnectedApp);
    }

    /**
     * A Connected-App access token the user granted to a client, living the client's access-token lifetime.
     *
     * @param user   a user of this emulator
     * @param client a client of this emulator
     * @param scopes the granted scopes, any string ({@link EmulatorConnectedApps#accessToken} checks them against the
     *               policy); none for {@link JwtMinter#CONNECTED_APP_SCOPES}
     * @return a minter for the token
     */
    public JwtMinter connectedAppToken(EmulatedUser user, EmulatedConnectedApp client, String... scopes) {
        EmulatedUser known = state.directory().requireUser(user.userId());
        return connectedAppMinter(known.userId(), null, client, scopes);
    }

    /**
     * A B2B Connected-App access token: as {@link #connectedAppToken(EmulatedUser)}, with the member as {@code sub} and
     * the organization claim.
     *
     * @param member a member of this emulator
     * @return a minter for an access token the member granted to {@link #connectedAppClientId()}
     */
    public JwtMinter connectedAppToken(EmulatedMember member) {
        return connectedAppToken(member, defaultConnectedApp);
    }

    /**
     * A B2B Connected-App access token the member granted to a client: as
     * {@link #connectedAppToken(EmulatedUser, EmulatedConnectedApp, String...)}, with the organization claim.
     *
     * @param member a member of this emulator
     * @param client a client of this emulator
     * @param scopes the granted scopes; none for {@link JwtMinter#CONNECTED_APP_SCOPES}
     * @return a minter for the token
     */
    public JwtMinter connectedAppToken(EmulatedMember member, EmulatedConnectedApp client, String... scopes) {
        EmulatedMember known = state.directory().requireMember(member.memberId());
        return connectedAppMinter(known.memberId(), known.organizationId(), client, scopes);
    }

    private JwtMinter connectedAppMinter(String subjectId, String organizationId, EmulatedConnectedApp client,
            String... scopes) {
        EmulatedConnectedApp known = state.connectedApps().client(client.clientId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown Connected App " + client.clientId()));
        List<String> granted = scopes.length == 0 ? JwtMinter.CONNECTED_APP_SCOPES : List.of(scopes);
        return new JwtMinter(state, () -> state.claims().connectedApp(subjectId, organizationId, known.clientId(), granted),
                known.accessTokenLifetime());
    }

    /**
     * A Connected-App (OIDC) ID token: {@code aud} is the client, not the project; {@code sub} and profile claims, no
     * {@code scope} and no {@code client_id}.
     *
     * @param user a user of this emulator
     * @return a minter for an ID token about the user for {@link #connectedAppClientId()}
     */
    public JwtMinter idToken(EmulatedUser user) {
        EmulatedUser known = state.directory().requireUser(user.userId());
        return new JwtMinter(state, () -> state.claims().idToken(known.userId(), known.name(), known.email()),
                JwtMinter.ID_TOKEN_LIFETIME, List.of(defaultConnectedApp.clientId()));
    }

    /**
     * A B2B Connected-App ID token: as {@link #idToken(EmulatedUser)}, about a member.
     *
     * @param member a member of this emulator
     * @return a minter for an ID token about the member for {@link #connectedAppClientId()}
     */
    public JwtMinter idToken(EmulatedMember member) {
        EmulatedMember known = state.directory().requireMember(member.memberId());
        return new JwtMinter(state, () -> state.claims().idToken(known.memberId(), known.name(), known.email()),
                JwtMinter.ID_TOKEN_LIFETIME, List.of(defaultConnectedApp.clientId()));
    }
}
