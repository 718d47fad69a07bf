package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.model.M2mTokenResponse;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** M2M access tokens: local verification and the SDKs' scope check. */
class M2mTokenVerifierTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private StytchEmulator emulator;
    private Stytch stytch;
    private EmulatedM2mClient client;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        stytch = Stytch.create(EmulatorConfigs.consumer(emulator));
        client = emulator.createM2mClient(c -> c.scopes("read:users", "write:users", "read:*", "admin")
                .customClaim("tenant", "acme"));
    }

    @AfterEach
    void tearDown() {
        stytch.close();
    }

    @Test
    void verifyWhenTokenFromTokenEndpointThenClientWithScopesAndClaims() {
        M2mTokenResponse issued = stytch.client().m2m().token(client.clientId(), client.clientSecret(),
                List.of("read:users", "admin"));

        M2mCaller verified = stytch.m2mVerifier().verify(issued.accessToken(), "read:users");

        assertThat(issued.tokenType()).isEqualToIgnoringCase("bearer");
        assertThat(issued.expiresIn()).isEqualTo(3600);
        assertThat(verified.clientId()).isEqualTo(client.clientId());
        assertThat(verified.scopes()).containsExactly("read:users", "admin");
        assertThat(verified.customClaims()).isEqualTo(Map.of("tenant", "acme"));
        assertThat(issued.toString()).doesNotContain(issued.accessToken());
    }

    @Test
    void verifyWhenResourceWildcardScopeThenSatisfiesAnyResourceOfThatAction() {
        String token = emulator.tokens().m2mToken(client).scopes("read:*").mint();

        assertThat(stytch.m2mVerifier().verify(token, "read:users", "read:books").scopes()).containsExactly("read:*");
    }

    @Test
    void verifyWhenScopeWithoutResourceThenMatchedExactly() {
        String token = emulator.tokens().m2mToken(client).scopes("admin").mint();

        assertThat(stytch.m2mVerifier().verify(token, "admin").clientId()).isEqualTo(client.clientId());
        assertThatExceptionOfType(InsufficientScopeException.class)
                .isThrownBy(() -> stytch.m2mVerifier().verify(token, "admin:users"));
    }

    @Test
    void verifyWhenScopeMissingThenInsufficientScopeListingIt() {
        String token = emulator.tokens().m2mToken(client).scopes("read:users").mint();

        assertThatExceptionOfType(InsufficientScopeException.class)
                .isThrownBy(() -> stytch.m2mVerifier().verify(token, "read:users", "write:users", "delete:*"))
                .satisfies(e -> assertThat(e.missingScopes()).containsExactly("write:users", "delete:*"));
    }

    @Test
    void verifyWhenCachedTokenThenScopesStillCheckedEachTime() {
        String token = emulator.tokens().m2mToken(client).scopes("read:users").mint();
        stytch.m2mVerifier().verify(token, "read:users");

        assertThatExceptionOfType(InsufficientScopeException.class)
                .isThrownBy(() -> stytch.m2mVerifier().verify(token, "write:users"));
    }

    @Test
    void verifyWhenExpiredThenRejectedLocallyWithoutRemoteFallback() {
        stytch.m2mVerifier().verify(emulator.tokens().m2mToken(client).mint());
        emulator.requestLog().clear();
        String expired = emulator.tokens().m2mToken(client).expired().mint();

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.m2mVerifier().verify(expired))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
        assertThat(emulator.requestLog().requests()).isEmpty();
    }

    @Test
    void verifyWhenSessionJwtThenWrongTokenKind() {
        var session = emulator.createSession(emulator.createUser(u -> u.email("m2m@example.com")), s -> { });

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.m2mVerifier().verify(session.sessionJwt()))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TOKEN_KIND));
    }

    @Test
    void verifyWhenWrongAudienceOrSignatureThenRejected() {
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.m2mVerifier().verify(emulator.tokens().m2mToken(client).audience("other").mint()))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_AUDIENCE));
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.m2mVerifier().verify(emulator.tokens().m2mToken(client).claim("scope", 42).mint()))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_CLAIM));
        assertThatExceptionOfType(InvalidTokenException.class) // without scope, a token is not an M2M access token
                .isThrownBy(() -> stytch.m2mVerifier().verify(emulator.tokens().m2mToken(client).removeClaim("scope").mint()))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TOKEN_KIND));
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.m2mVerifier().verify(null))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void tokenWhenClientSecretWrongThenApiError() {
        assertThatExceptionOfType(StytchApiException.class)
                .isThrownBy(() -> stytch.client().m2m().token(client.clientId(), "wrong-secret", List.of()))
                .satisfies(e -> assertThat(e.statusCode()).isBetween(400, 401))
                .withMessageNotContaining("wrong-secret");
    }
}
