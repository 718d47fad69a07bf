package io.github.stytchjakarta.core;

import static io.github.stytchjakarta.testkit.EmulatedPolicy.permission;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link StytchAuthorizer} for access-token callers: a Connected-App token by the policy's scopes (tenancy first, the
 * member's roles not counting), an M2M token by its {@code action:resource} scopes.
 */
class AccessTokenAuthorizationTest {

    private static final Permission READ = new Permission("documents", "read");
    private static final Permission WRITE = new Permission("documents", "write");

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private StytchEmulator emulator;
    private Stytch stytch;
    private EmulatedConnectedApp agent;
    private EmulatedOrganization acme;
    private EmulatedMember bob;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        emulator.rbac().setB2bPolicy(EmulatedPolicy.defaultB2bPolicy().toBuilder()
                .resource("documents", "Documents", "read", "write")
                .role("editor", "edits", permission("documents", "read", "write"))
                .scope("read:documents", "Read documents", permission("documents", "read"))
                .scope("manage:documents", "Everything on documents", permission("documents", "*")).build());
        stytch = Stytch.create(EmulatorConfigs.b2b(emulator));
        agent = emulator.connectedApps().create(c -> c.name("Agent"));
        acme = emulator.createOrganization(o -> o.name("Acme"));
        bob = emulator.createMember(acme, m -> m.email("bob@acme.test").roles("editor"));
    }

    @AfterEach
    void tearDown() {
        stytch.close();
    }

    @Test
    void checkWhenAppTokenScopeGrantsPermissionThenGrantedByThatScope() {
        ConnectedAppCaller caller = appCaller("openid", "read:documents");

        AuthorizationDecision decision = stytch.authorizer().check(caller, READ);

        assertThat(decision.granted()).isTrue();
        assertThat(decision.grantingRoles()).containsExactly("read:documents");
    }

    @Test
    void checkWhenAppTokenScopeGrantsAnyActionThenGranted() {
        assertThat(stytch.authorizer().check(appCaller("manage:documents"), WRITE).granted()).isTrue();
    }

    @Test
    void checkWhenMemberRoleGrantsButNoScopeDoesThenPermissionDenied() {
        AuthorizationDecision decision = stytch.authorizer().check(appCaller("read:documents"), WRITE);

        assertThat(decision.outcome()).isEqualTo(AuthorizationDecision.Outcome.PERMISSION_DENIED);
    }

    @Test
    void checkInOrganizationWhenAppTokenOfAnotherOrganizationThenTenancyMismatch() {
        AuthorizationDecision decision = stytch.authorizer().checkInOrganization(appCaller("manage:documents"),
                "organization-test-other", READ);

        assertThat(decision).isEqualTo(AuthorizationDecision.TENANCY_MISMATCH);
    }

    @Test
    void checkInOrganizationWhenAppTokenOfTheOrganizationThenScopesDecide() {
        assertThat(stytch.authorizer().checkInOrganization(appCaller("read:documents"), acme.organizationId(), READ)
                .granted()).isTrue();
    }

    @Test
    void checkWhenM2mScopeNamesActionAndResourceThenGranted() {
        AuthorizationDecision decision = stytch.authorizer().check(m2mCaller("read:documents", "write:users"), READ);

        assertThat(decision.granted()).isTrue();
        assertThat(decision.grantingRoles()).containsExactly("read:documents");
    }

    @Test
    void checkWhenM2mScopeHasResourceWildcardThenGranted() {
        assertThat(stytch.authorizer().check(m2mCaller("write:*"), WRITE).granted()).isTrue();
    }

    @Test
    void checkWhenM2mScopeOfOtherActionThenPermissionDenied() {
        assertThat(stytch.authorizer().check(m2mCaller("read:documents"), WRITE).outcome())
                .isEqualTo(AuthorizationDecision.Outcome.PERMISSION_DENIED);
    }

    @Test
    void checkInOrganizationWhenM2mCallerThenTenancyMismatch() {
        assertThat(stytch.authorizer().checkInOrganization(m2mCaller("read:*"), acme.organizationId(), READ))
                .isEqualTo(AuthorizationDecision.TENANCY_MISMATCH);
    }

    private ConnectedAppCaller appCaller(String... scopes) {
        return stytch.connectedAppVerifier().verify(emulator.connectedApps().accessToken(bob, agent, scopes));
    }

    private M2mCaller m2mCaller(String... scopes) {
        EmulatedM2mClient client = emulator.createM2mClient(c -> c.scopes(scopes));
        return stytch.m2mVerifier().verify(emulator.tokens().m2mToken(client).mint());
    }
}
