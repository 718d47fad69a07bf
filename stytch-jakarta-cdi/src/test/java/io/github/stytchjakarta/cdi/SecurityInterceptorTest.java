package io.github.stytchjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.cdi.fixtures.ArchiveService;
import io.github.stytchjakarta.cdi.fixtures.Callers;
import io.github.stytchjakarta.cdi.fixtures.DocumentService;
import io.github.stytchjakarta.cdi.fixtures.MicroProfileConfigs;
import io.github.stytchjakarta.cdi.fixtures.StaffService;
import io.github.stytchjakarta.cdi.fixtures.StytchWeld;
import io.github.stytchjakarta.cdi.internal.SecurityRule;
import io.github.stytchjakarta.cdi.internal.SecurityRules;
import io.github.stytchjakarta.core.Permission;
import io.github.stytchjakarta.core.SessionAuthenticator;
import io.github.stytchjakarta.core.SessionCredential;
import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interceptors in Weld, with the real RBAC policy of the emulator's demo data (B2B). */
class SecurityInterceptorTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static DemoData demo;
    private static Config config;
    private static WeldContainer container;
    private static DocumentService documents;
    private static ArchiveService archive;
    private static StaffService staff;
    private static Callers callers;
    private static StytchPrincipal alice;
    private static StytchPrincipal bob;
    private static StytchPrincipal carol;
    private static StytchPrincipal dave;

    @BeforeAll
    static void start() {
        demo = DemoData.seed(STYTCH.emulator());
        Map<String, String> values = MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b");
        values.put("stytch.roles.mapping.admin", "manager, auditor");
        config = MicroProfileConfigs.register(values);
        container = StytchWeld.LIBRARY.start(DocumentService.class, ArchiveService.class, StaffService.class);
        documents = container.select(DocumentService.class).get();
        archive = container.select(ArchiveService.class).get();
        staff = container.select(StaffService.class).get();
        callers = container.select(Callers.class).get();
        SessionAuthenticator sessions = container.select(SessionAuthenticator.class).get();
        alice = principal(sessions, "alice@acme.test");
        bob = principal(sessions, "bob@acme.test");
        carol = principal(sessions, "carol@acme.test");
        dave = principal(sessions, "dave@globex.test");
    }

    @AfterAll
    static void stop() {
        container.close();
        MicroProfileConfigs.release(config);
    }

    @Test
    void requiresAuthenticationWhenAnonymousThenNotAuthenticated() {
        assertThatExceptionOfType(StytchNotAuthenticatedException.class)
                .isThrownBy(() -> callers.anonymous(documents::whoAmI))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("stytch.missing_token");
                });
    }

    @Test
    void requiresAuthenticationWhenAuthenticatedThenProceeds() throws Exception {
        assertThat(callers.call(carol, documents::whoAmI)).isEqualTo("someone");
    }

    @Test
    void unannotatedMethodWhenAnonymousThenProceeds() throws Exception {
        assertThat(callers.anonymous(documents::open)).isEqualTo("open");
    }

    @Test
    void requiresPermissionWhenRoleGrantsThenProceeds() throws Exception {
        assertThat(callers.call(carol, documents::read)).isEqualTo("read");
        assertThat(callers.call(alice, documents::delete)).isEqualTo("deleted");
    }

    @Test
    void requiresPermissionWhenNoRoleGrantsThenPermissionDenied() {
        assertDenied(bob, documents::delete, StytchAccessDeniedException.Reason.PERMISSION_DENIED);
    }

    @Test
    void requiresPermissionWhenAnonymousThenNotAuthenticated() {
        assertThatExceptionOfType(StytchNotAuthenticatedException.class)
                .isThrownBy(() -> callers.anonymous(documents::read));
    }

    @Test
    void repeatedPermissionsWhenAllGrantedThenProceeds() throws Exception {
        assertThat(callers.call(bob, documents::edit)).isEqualTo("edited");
    }

    @Test
    void repeatedPermissionsWhenOneNotGrantedThenPermissionDenied() {
        assertDenied(carol, documents::edit, StytchAccessDeniedException.Reason.PERMISSION_DENIED);
    }

    @Test
    void organizationParameterWhenOwnOrganizationThenProceeds() throws Exception {
        String acme = demo.acme().organizationId();
        assertThat(callers.call(bob, () -> documents.readIn(acme))).isEqualTo("read in " + acme);
    }

    @Test
    void organizationParameterWhenOtherOrganizationThenTenancyMismatch() {
        String acme = demo.acme().organizationId();
        assertDenied(dave, () -> documents.readIn(acme), StytchAccessDeniedException.Reason.TENANCY_MISMATCH);
    }

    @Test
    void organizationParameterWhenNullOrBlankThenTenancyMismatch() {
        assertDenied(bob, () -> documents.readIn(null), StytchAccessDeniedException.Reason.TENANCY_MISMATCH);
        assertDenied(bob, () -> documents.readIn(" "), StytchAccessDeniedException.Reason.TENANCY_MISMATCH);
    }

    @Test
    void requiresRoleWhenMappedRoleHeldThenProceeds() throws Exception {
        assertThat(callers.call(alice, documents::audit)).isEqualTo("audited");
    }

    @Test
    void requiresRoleWhenNoRoleHeldThenRoleMissing() {
        assertDenied(bob, documents::audit, StytchAccessDeniedException.Reason.ROLE_MISSING);
    }

    @Test
    void classLevelRuleWhenMethodUnannotatedThenApplies() throws Exception {
        assertDenied(bob, archive::purge, StytchAccessDeniedException.Reason.PERMISSION_DENIED);
        assertThat(callers.call(alice, archive::purge)).isEqualTo("purged");
    }

    @Test
    void methodLevelRuleWhenPresentThenReplacesClassLevelRule() throws Exception {
        assertThat(callers.call(carol, archive::list)).isEqualTo("listed");
        assertThat(callers.call(carol, archive::status)).isEqualTo("status");
        assertThat(callers.call(alice, archive::restore)).isEqualTo("restored");
        assertDenied(bob, archive::restore, StytchAccessDeniedException.Reason.ROLE_MISSING);
    }

    @Test
    void methodLevelRuleWhenAnonymousThenStillNeedsAuthentication() {
        assertThatExceptionOfType(StytchNotAuthenticatedException.class)
                .isThrownBy(() -> callers.anonymous(archive::status));
    }

    @Test
    void rolesAllowedWhenMappedRoleHeldThenProceeds() throws Exception {
        assertThat(callers.call(alice, staff::payroll)).isEqualTo("payroll");
    }

    @Test
    void rolesAllowedWhenNoRoleHeldThenRoleMissing() {
        assertDenied(bob, staff::payroll, StytchAccessDeniedException.Reason.ROLE_MISSING);
    }

    @Test
    void rolesAllowedWhenAnonymousThenNotAuthenticated() {
        assertThatExceptionOfType(StytchNotAuthenticatedException.class)
                .isThrownBy(() -> callers.anonymous(staff::payroll));
    }

    @Test
    void rolesAllowedOnMethodWhenPresentThenReplacesClassLevelRule() throws Exception {
        assertThat(callers.call(carol, staff::rota)).isEqualTo("rota");
        assertDenied(alice, staff::rota, StytchAccessDeniedException.Reason.ROLE_MISSING);
    }

    @Test
    void rolesAllowedWhenOnlyAnOrganizationCustomRoleHasTheNameThenRoleMissing() throws Exception {
        EmulatedOrganization umbrella = STYTCH.emulator().createOrganization(o -> o.name("Umbrella"));
        // the tenant's administrator defines a custom role named like the application's role
        STYTCH.emulator().rbac().setOrganizationRoles(umbrella.organizationId(), List.of(EmulatedPolicy.role("manager", "Umbrella's")));
        EmulatedMember mallory = STYTCH.emulator().createMember(umbrella, m -> m.email("mallory@umbrella.test")
                .roles("manager"));
        StytchPrincipal caller = container.select(SessionAuthenticator.class).get().authenticate(
                new SessionCredential.SessionJwt(STYTCH.emulator().createMemberSession(mallory, s -> { }).sessionJwt()))
                .principal();

        assertThat(caller.roles()).contains("manager");
        assertDenied(caller, staff::payroll, StytchAccessDeniedException.Reason.ROLE_MISSING);
        assertThat(callers.call(alice, staff::payroll)).isEqualTo("payroll");
    }

    @Test
    void permitAllOnMethodWhenAnonymousThenProceeds() throws Exception {
        assertThat(callers.anonymous(staff::noticeBoard)).isEqualTo("notices");
    }

    @Test
    void denyAllWhenAnyCallerThenRefused() {
        assertDenied(alice, staff::shred, StytchAccessDeniedException.Reason.ROLE_MISSING);
        assertThatExceptionOfType(StytchNotAuthenticatedException.class)
                .isThrownBy(() -> callers.anonymous(staff::shred));
    }

    @Test
    void requiresPermissionWhenPolicyChangedThenFollowsItAfterRefresh() throws Exception {
        StytchAuthorizer authorizer = container.select(StytchAuthorizer.class).get();
        EmulatedPolicy original = STYTCH.emulator().rbac().b2bPolicy();
        assertDenied(carol, documents::delete, StytchAccessDeniedException.Reason.PERMISSION_DENIED);
        try {
            STYTCH.emulator().rbac().setB2bPolicy(original.toBuilder()
                    .role(DemoData.VIEWER, "Reads and deletes", EmulatedPolicy.permission(DemoData.RESOURCE, "read", "delete"))
                    .build());
            authorizer.refresh();
            assertThat(callers.call(carol, documents::delete)).isEqualTo("deleted");
        } finally {
            STYTCH.emulator().rbac().setB2bPolicy(original);
            authorizer.refresh();
        }
    }

    @Test
    void requiresPermissionWhenOrganizationPolicyUnavailableThenUnavailable() {
        EmulatedOrganization initech = STYTCH.emulator().createOrganization(o -> o.name("Initech"));
        EmulatedMember peter = STYTCH.emulator().createMember(initech, m -> m.email("peter@initech.test")
                .roles(DemoData.EDITOR));
        StytchPrincipal caller = container.select(SessionAuthenticator.class).get().authenticate(
                new SessionCredential.SessionJwt(STYTCH.emulator().createMemberSession(peter, s -> { }).sessionJwt()))
                .principal();
        STYTCH.emulator().faults().respond("/v1/b2b/rbac/organizations", 503);
        // the project roles do not grant delete and the organization's custom roles cannot be had: no guessing
        assertThatExceptionOfType(StytchUnavailableException.class)
                .isThrownBy(() -> callers.call(caller, documents::delete));
    }

    @Test
    void rulesWhenMethodCalledAgainThenReadOnlyOnce() throws NoSuchMethodException {
        SecurityRules rules = container.select(SecurityRules.class).get();
        Method read = DocumentService.class.getMethod("read");

        Optional<SecurityRule> first = rules.ruleFor(DocumentService.class, read);

        assertThat(first).hasValueSatisfying(rule -> assertThat(rule.permissions())
                .containsExactly(new Permission("documents", "read")));
        assertThat(rules.ruleFor(DocumentService.class, read)).isSameAs(first);
    }

    private static void assertDenied(StytchPrincipal caller, Callable<?> call, StytchAccessDeniedException.Reason reason) {
        assertThatExceptionOfType(StytchAccessDeniedException.class)
                .isThrownBy(() -> callers.call(caller, call))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo(reason.code());
                });
    }

    private static StytchPrincipal principal(SessionAuthenticator sessions, String email) {
        return sessions.authenticate(new SessionCredential.SessionJwt(demo.sessions().get(email).sessionJwt())).principal();
    }
}
