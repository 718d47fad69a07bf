package io.github.stytchjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.cdi.fixtures.Callers;
import io.github.stytchjakarta.cdi.fixtures.DocumentService;
import io.github.stytchjakarta.cdi.fixtures.MicroProfileConfigs;
import io.github.stytchjakarta.cdi.fixtures.ScopedService;
import io.github.stytchjakarta.cdi.fixtures.StytchWeld;
import io.github.stytchjakarta.core.ConnectedAppCaller;
import io.github.stytchjakarta.core.ConnectedAppTokenVerifier;
import io.github.stytchjakarta.core.M2mCaller;
import io.github.stytchjakarta.core.M2mTokenVerifier;
import io.github.stytchjakarta.core.SessionAuthenticator;
import io.github.stytchjakarta.core.SessionCredential;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The interceptors, {@link CurrentStytchSession} and the producers for callers authenticated by access tokens (M2M,
 * Connected App), in Weld, with tokens the emulator issued and the demo policy's scopes ({@code read:documents},
 * {@code write:documents}).
 */
class AccessTokenSecurityTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static DemoData demo;
    private static Config config;
    private static WeldContainer container;
    private static DocumentService documents;
    private static ScopedService scoped;
    private static Callers callers;
    private static EmulatedConnectedApp agent;
    private static StytchPrincipal carol;

    @BeforeAll
    static void start() {
        demo = DemoData.seed(STYTCH.emulator());
        agent = STYTCH.emulator().connectedApps().create(c -> c.name("Agent"));
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        container = StytchWeld.LIBRARY.start(DocumentService.class, ScopedService.class);
        documents = container.select(DocumentService.class).get();
        scoped = container.select(ScopedService.class).get();
        callers = container.select(Callers.class).get();
        carol = demoPrincipal("carol@acme.test");
    }

    @AfterAll
    static void stop() {
        container.close();
        MicroProfileConfigs.release(config);
    }

    @Test
    void requiresPermissionWhenAppTokenScopeGrantsThenProceeds() throws Exception {
        assertThat(callers.call(appCaller("read:documents"), documents::read)).isEqualTo("read");
    }

    @Test
    void requiresPermissionWhenAppTokenScopesDoNotGrantThenInsufficientScopeNamingTheGrantingScope() {
        assertInsufficientScope(appCaller("read:documents"), documents::edit, StytchAccessDeniedException.Reason.PERMISSION_DENIED,
                List.of("write:documents"));
    }

    @Test
    void requiresPermissionWhenAppTokenHoldsNoPolicyScopeThenDeniedThoughTheMemberCouldByRole() {
        // bob is an editor: his session may read, a token he granted only openid may not
        assertInsufficientScope(appCaller("openid"), documents::read, StytchAccessDeniedException.Reason.PERMISSION_DENIED,
                List.of("read:documents"));
    }

    @Test
    void organizationParameterWhenAppTokenOfAnotherOrganizationThenTenancyMismatchWithoutScopes() {
        assertInsufficientScope(appCaller("read:documents"), () -> documents.readIn(demo.globex().organizationId()),
                StytchAccessDeniedException.Reason.TENANCY_MISMATCH, List.of());
    }

    @Test
    void organizationParameterWhenAppTokenOfOwnOrganizationThenProceeds() throws Exception {
        assertThat(callers.call(appCaller("read:documents"), () -> documents.readIn(demo.acme().organizationId())))
                .startsWith("read in");
    }

    @Test
    void requiresPermissionWhenM2mScopeIsActionColonResourceThenProceeds() throws Exception {
        assertThat(callers.call(m2mCaller("read:documents"), documents::read)).isEqualTo("read");
        assertThat(callers.call(m2mCaller("read:*"), documents::read)).isEqualTo("read");
    }

    @Test
    void requiresPermissionWhenM2mLacksTheActionThenInsufficientScopeNamingActionColonResource() {
        assertInsufficientScope(m2mCaller("read:documents"), documents::edit, StytchAccessDeniedException.Reason.PERMISSION_DENIED,
                List.of("write:documents"));
    }

    @Test
    void organizationParameterWhenM2mThenTenancyMismatch() {
        assertInsufficientScope(m2mCaller("read:*"), () -> documents.readIn(demo.acme().organizationId()),
                StytchAccessDeniedException.Reason.TENANCY_MISMATCH, List.of());
    }

    @Test
    void requiresRoleWhenAccessTokenThenRoleMissing() {
        assertThatExceptionOfType(StytchAccessDeniedException.class)
                .isThrownBy(() -> callers.call(appCaller("read:documents"), documents::audit))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(StytchAccessDeniedException.Reason.ROLE_MISSING));
    }

    @Test
    void requiresAuthenticationWhenAccessTokenThenProceeds() throws Exception {
        assertThat(callers.call(m2mCaller("read:documents"), documents::whoAmI)).isEqualTo("someone");
    }

    @Test
    void requiresScopeWhenTokenGrantsItThenProceeds() throws Exception {
        assertThat(callers.call(appCaller("read:documents"), scoped::export)).isEqualTo("exported");
        assertThat(callers.call(m2mCaller("read:*", "write:documents"), scoped::sync)).isEqualTo("synced");
    }

    @Test
    void requiresScopeWhenOneIsMissingThenInsufficientScopeNamingAllOfTheRule() {
        assertInsufficientScope(appCaller("read:documents"), scoped::sync, StytchAccessDeniedException.Reason.INSUFFICIENT_SCOPE,
                List.of("read:documents", "write:documents"));
        // an M2M scope is action:resource: write:* does not grant read:documents
        assertInsufficientScope(m2mCaller("write:*"), scoped::export, StytchAccessDeniedException.Reason.INSUFFICIENT_SCOPE,
                List.of("read:documents"));
    }

    @Test
    void requiresScopeWhenSessionThenInsufficientScopeNamingTheScopes() {
        assertThatExceptionOfType(StytchAccessDeniedException.class)
                .isThrownBy(() -> callers.call(carol, scoped::export))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(StytchAccessDeniedException.Reason.INSUFFICIENT_SCOPE);
                    assertThat(e.code()).isEqualTo("stytch.forbidden.insufficient_scope");
                    assertThat(e.scopes()).containsExactly("read:documents");
                });
    }

    @Test
    void requiresScopeWhenAnonymousThenNotAuthenticated() {
        assertThatExceptionOfType(StytchNotAuthenticatedException.class).isThrownBy(() -> callers.anonymous(scoped::export));
    }

    @Test
    void methodRuleWhenRequiresRoleThenClassScopeDoesNotApply() throws Exception {
        assertThat(callers.call(demoPrincipal("alice@acme.test"), scoped::administer)).isEqualTo("administered");
    }

    @Test
    void currentStytchSessionWhenM2mThenCallerWithScopesAndNoRolesOrPrincipal() throws Exception {
        M2mCaller client = m2mCaller("read:documents", "write:documents");
        CurrentStytchSession current = container.select(CurrentStytchSession.class).get();
        callers.call(client, () -> {
            assertThat(current.isAuthenticated()).isTrue();
            assertThat(current.caller()).contains(client);
            assertThat(current.m2mClient()).contains(client);
            assertThat(current.connectedApp()).isEmpty();
            assertThat(current.principal()).isEmpty();
            assertThat(current.scopes()).containsExactly("read:documents", "write:documents");
            assertThat(current.roles()).isEmpty();
            assertThat(current.hasRole("admin")).isFalse();
            return null;
        });
    }

    @Test
    void currentStytchSessionWhenAppTokenThenConnectedAppCaller() throws Exception {
        ConnectedAppCaller app = appCaller("read:documents");
        CurrentStytchSession current = container.select(CurrentStytchSession.class).get();
        callers.call(app, () -> {
            assertThat(current.connectedApp()).contains(app);
            assertThat(current.requireCaller().getName()).isEqualTo(demo.bob().memberId());
            assertThat(current.member()).isEmpty();
            return null;
        });
    }

    @Test
    void producersWhenAccessTokenThenItsKindInjectsAndSessionTypesAreNotAuthenticated() throws Exception {
        M2mCaller client = m2mCaller("read:documents");
        callers.call(client, () -> {
            assertThat(container.select(M2mCaller.class).get()).isEqualTo(client);
            assertThat(container.select(StytchCaller.class).get()).isEqualTo(client);
            assertNotAuthenticated(container.select(ConnectedAppCaller.class));
            assertNotAuthenticated(container.select(StytchPrincipal.class));
            assertNotAuthenticated(container.select(StytchMember.class));
            return null;
        });
    }

    @Test
    void producersWhenSessionThenAccessTokenTypesAreNotAuthenticated() throws Exception {
        callers.call(carol, () -> {
            assertThat(container.select(StytchCaller.class).get()).isEqualTo(carol);
            assertNotAuthenticated(container.select(M2mCaller.class));
            assertNotAuthenticated(container.select(ConnectedAppCaller.class));
            return null;
        });
    }

    private static void assertNotAuthenticated(Instance<?> injection) {
        assertThatExceptionOfType(StytchNotAuthenticatedException.class).isThrownBy(injection::get);
    }

    private static void assertInsufficientScope(StytchCaller caller, Callable<?> call, StytchAccessDeniedException.Reason reason,
                                                List<String> scopes) {
        assertThatExceptionOfType(StytchAccessDeniedException.class)
                .isThrownBy(() -> callers.call(caller, call))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.scopes()).isEqualTo(scopes);
                    assertThat(e.failure(Optional.empty()).scopes()).isEqualTo(scopes);
                });
    }

    private static ConnectedAppCaller appCaller(String... scopes) {
        String token = STYTCH.emulator().connectedApps().accessToken(demo.bob(), agent, scopes);
        return container.select(ConnectedAppTokenVerifier.class).get().verify(token);
    }

    private static M2mCaller m2mCaller(String... scopes) {
        StytchEmulator emulator = STYTCH.emulator();
        String token = emulator.tokens().m2mToken(emulator.createM2mClient(c -> c.scopes(scopes))).mint();
        return container.select(M2mTokenVerifier.class).get().verify(token);
    }

    private static StytchPrincipal demoPrincipal(String email) {
        return container.select(SessionAuthenticator.class).get()
                .authenticate(new SessionCredential.SessionJwt(demo.sessions().get(email).sessionJwt())).principal();
    }
}
