package io.github.stytchjakarta.core;

import static io.github.stytchjakarta.testkit.EmulatedPolicy.permission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connected-App access tokens: local verification, kinds swapped, the scope check (emulator over HTTP). */
class ConnectedAppTokenVerifierTest {

    private static final String ORGANIZATION_CLAIM = "https://stytch.com/organization";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private StytchEmulator emulator;
    private Stytch b2b;
    private Stytch consumer;
    private EmulatedConnectedApp agent;
    private EmulatedOrganization acme;
    private EmulatedMember bob;
    private EmulatedUser ada;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        emulator.rbac().setB2bPolicy(EmulatedPolicy.defaultB2bPolicy().toBuilder()
                .resource("documents", "Documents", "read", "write")
                .scope("read:documents", "Read documents", permission("documents", "read")).build());
        emulator.rbac().setConsumerPolicy(EmulatedPolicy.defaultConsumerPolicy().toBuilder()
                .resource("documents", "Documents", "read", "write")
                .scope("read:documents", "Read documents", permission("documents", "read")).build());
        b2b = Stytch.create(EmulatorConfigs.b2b(emulator));
        consumer = Stytch.create(EmulatorConfigs.consumer(emulator));
        agent = emulator.connectedApps().create(c -> c.name("Agent").type(EmulatedConnectedApp.ClientType.THIRD_PARTY));
        acme = emulator.createOrganization(o -> o.name("Acme"));
        bob = emulator.createMember(acme, m -> m.email("bob@acme.test"));
        ada = emulator.createUser(u -> u.email("ada@example.test"));
    }

    @AfterEach
    void tearDown() {
        b2b.close();
        consumer.close();
    }

    @Test
    void verifyWhenMemberTokenThenCallerWithMemberClientScopesAndOrganization() {
        String token = emulator.connectedApps().accessToken(bob, agent, "openid", "read:documents");

        ConnectedAppCaller caller = b2b.connectedAppVerifier().verify(token, "read:documents");

        assertThat(caller.subject()).isEqualTo(bob.memberId());
        assertThat(caller.getName()).isEqualTo(bob.memberId());
        assertThat(caller.clientId()).isEqualTo(agent.clientId());
        assertThat(caller.scopes()).containsExactly("openid", "read:documents");
        assertThat(caller.organizationId()).contains(acme.organizationId());
        assertThat(caller.toString()).doesNotContain(token).contains(bob.memberId(), agent.clientId());
    }

    @Test
    void verifyWhenUserTokenThenCallerWithoutOrganization() {
        String token = emulator.connectedApps().accessToken(ada, agent, "read:documents");

        ConnectedAppCaller caller = consumer.connectedAppVerifier().verify(token);

        assertThat(caller.subject()).isEqualTo(ada.userId());
        assertThat(caller.organizationId()).isEmpty();
    }

    @Test
    void verifyWhenRequiredScopeNotGrantedThenInsufficientScopeListingIt() {
        String token = emulator.connectedApps().accessToken(bob, agent, "openid");

        assertThatExceptionOfType(InsufficientScopeException.class)
                .isThrownBy(() -> b2b.connectedAppVerifier().verify(token, "openid", "read:documents"))
                .satisfies(e -> assertThat(e.missingScopes()).containsExactly("read:documents"));
    }

    @Test
    void verifyWhenSessionJwtThenWrongTokenKind() {
        String jwt = emulator.createMemberSession(bob, s -> { }).sessionJwt();

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> b2b.connectedAppVerifier().verify(jwt))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TOKEN_KIND));
    }

    @Test
    void verifyWhenM2mTokenThenWrongTokenKind() {
        EmulatedM2mClient client = emulator.createM2mClient(c -> c.scopes("read:documents"));
        String token = emulator.tokens().m2mToken(client).mint();

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> consumer.connectedAppVerifier().verify(token))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TOKEN_KIND));
    }

    @Test
    void verifyWhenIdTokenThenWrongTokenKind() {
        String token = emulator.tokens().idToken(ada).mint();

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> consumer.connectedAppVerifier().verify(token))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TOKEN_KIND));
    }

    @Test
    void authenticateWhenConnectedAppTokenGivenAsSessionThenWrongTokenKind() {
        String token = emulator.connectedApps().accessToken(ada, agent, "read:documents");

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> consumer.authenticator().authenticate(new SessionJwt(token)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TOKEN_KIND));
    }

    @Test
    void verifyWhenB2bTokenWithoutOrganizationClaimThenMissingClaim() {
        String token = emulator.tokens().connectedAppToken(bob, agent, "read:documents").removeClaim(ORGANIZATION_CLAIM).mint();

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> b2b.connectedAppVerifier().verify(token))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_CLAIM));
    }

    @Test
    void verifyWhenClientIdNotAStringThenMissingClaim() {
        String token = emulator.tokens().connectedAppToken(ada, agent, "read:documents").claim("client_id", 7).mint();

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> consumer.connectedAppVerifier().verify(token))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_CLAIM));
    }

    @Test
    void verifyWhenRevokedThenStillAcceptedLocallyUntilExpiry() {
        String token = emulator.connectedApps().accessToken(ada, agent, "read:documents");
        emulator.connectedApps().revoke(token);

        assertThat(consumer.connectedAppVerifier().verify(token).organizationId()).isEqualTo(Optional.empty());
    }

    @Test
    void verifyWhenExpiredThenExpired() {
        String token = emulator.tokens().connectedAppToken(ada, agent, "read:documents").expired().mint();

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> consumer.connectedAppVerifier().verify(token))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }
}
