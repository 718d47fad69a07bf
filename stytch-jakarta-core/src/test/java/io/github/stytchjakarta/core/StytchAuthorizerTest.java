package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.AuthorizationDecision.Outcome;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Local RBAC checks against the emulator's policies, consumer and B2B. */
class StytchAuthorizerTest {

    private static final Permission READ_DOCUMENTS = new Permission("documents", "read");
    private static final Permission WRITE_DOCUMENTS = new Permission("documents", "write");
    private static final Permission DELETE_DOCUMENTS = new Permission("documents", "delete");

    private static final String CONSUMER_POLICY = "/v1/rbac/policy";
    private static final String B2B_POLICY = "/v1/b2b/rbac/policy";
    private static final String ORG_POLICY = "/v1/b2b/rbac/organizations/";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static EmulatedPolicy documentsPolicy(String... extraRoles) {
        EmulatedPolicy.Builder policy = EmulatedPolicy.builder()
                .role("stytch_user", "everyone")
                .role("stytch_member", "every member", EmulatedPolicy.permission("stytch.self", "*"))
                .role("viewer", "reads", EmulatedPolicy.permission("documents", "read"))
                .role("editor", "edits", EmulatedPolicy.permission("documents", "read", "write"),
                        EmulatedPolicy.permission("comments", "read"))
                .role("admin", "everything on documents", EmulatedPolicy.permission("documents", "*"))
                .resource("documents", "docs", "read", "write", "delete")
                .resource("comments", "comments", "read");
        for (String role : extraRoles) {
            policy.role(role, "extra", EmulatedPolicy.permission("documents", "delete"));
        }
        return policy.build();
    }

    @Nested
    class Consumer {

        private StytchEmulator emulator;
        private Stytch stytch;

        @BeforeEach
        void setUp() {
            emulator = STYTCH.emulator();
            emulator.rbac().setConsumerPolicy(documentsPolicy());
            stytch = Stytch.create(EmulatorConfigs.consumer(emulator));
        }

        @AfterEach
        void tearDown() {
            stytch.close();
        }

        @Test
        void checkWhenRoleListsActionThenGrantedByThatRole() {
            StytchPrincipal editor = principal("editor");

            AuthorizationDecision decision = stytch.authorizer().check(editor, WRITE_DOCUMENTS);

            assertThat(decision.granted()).isTrue();
            assertThat(decision.grantingRoles()).containsExactly("editor");
        }

        @Test
        void checkWhenNoRoleListsActionThenPermissionDenied() {
            assertThat(stytch.authorizer().check(principal("editor"), DELETE_DOCUMENTS))
                    .isEqualTo(AuthorizationDecision.PERMISSION_DENIED);
        }

        @Test
        void checkWhenRoleHasWildcardActionThenAnyActionGranted() {
            assertThat(stytch.authorizer().check(principal("admin"), new Permission("documents", "archive")).granted()).isTrue();
            assertThat(stytch.authorizer().check(principal("admin"), new Permission("comments", "read")).granted()).isFalse();
        }

        @Test
        void checkWhenResourceOnlySimilarThenDenied() {
            assertThat(stytch.authorizer().check(principal("editor"), new Permission("Documents", "read")).granted()).isFalse();
            assertThat(stytch.authorizer().check(principal("editor"), new Permission("documents/1", "read")).granted()).isFalse();
        }

        @Test
        void checkWhenSessionHasRolesUnknownToPolicyThenTheyAreIgnored() {
            StytchPrincipal ghost = principal("ghost", "viewer");

            AuthorizationDecision decision = stytch.authorizer().check(ghost, READ_DOCUMENTS);

            assertThat(decision.grantingRoles()).containsExactly("viewer");
            assertThat(stytch.authorizer().check(principal("ghost"), READ_DOCUMENTS).outcome())
                    .isEqualTo(Outcome.PERMISSION_DENIED);
        }

        @Test
        void checkWhenSeveralRolesGrantThenAllListed() {
            assertThat(stytch.authorizer().check(principal("viewer", "editor", "admin"), READ_DOCUMENTS)
                    .grantingRoles()).containsExactly("viewer", "editor", "admin");
        }

        @Test
        void checkWhenConsumerGivenAnOrganizationThenTenancyMismatch() {
            assertThat(stytch.authorizer().checkInOrganization(principal("admin"), "organization-test-1", READ_DOCUMENTS))
                    .isEqualTo(AuthorizationDecision.TENANCY_MISMATCH);
        }

        @Test
        void checkWhenPolicyCachedThenFetchedOnce() {
            stytch.authorizer().check(principal("editor"), READ_DOCUMENTS);
            stytch.authorizer().check(principal("viewer"), READ_DOCUMENTS);

            assertThat(emulator.requestLog().requests(CONSUMER_POLICY)).singleElement()
                    .satisfies(request -> assertThat(request.authenticated()).isTrue());
        }

        @Test
        void checkWhenPolicyChangedThenSeenAfterRefresh() {
            StytchPrincipal viewer = principal("viewer");
            assertThat(stytch.authorizer().check(viewer, WRITE_DOCUMENTS).granted()).isFalse();
            emulator.rbac().setConsumerPolicy(documentsPolicy().toBuilder()
                    .role("viewer", "now writes too", EmulatedPolicy.permission("documents", "write")).build());

            assertThat(stytch.authorizer().check(viewer, WRITE_DOCUMENTS).granted()).isFalse();
            stytch.authorizer().refresh();

            assertThat(stytch.authorizer().check(viewer, WRITE_DOCUMENTS).granted()).isTrue();
        }

        @Test
        void checkWhenPolicyTtlPassesThenRefreshedInBackground() throws InterruptedException {
            try (Stytch quick = Stytch.create(EmulatorConfigs.builder(emulator, Vertical.CONSUMER)
                    .rbacPolicyTtl(Duration.ofMillis(200)).build())) {
                StytchPrincipal viewer = principal("viewer");
                assertThat(quick.authorizer().check(viewer, DELETE_DOCUMENTS).granted()).isFalse();

                emulator.rbac().setConsumerPolicy(documentsPolicy("viewer"));

                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (!quick.authorizer().check(viewer, DELETE_DOCUMENTS).granted()) {
                    assertThat(Instant.now()).as("policy refreshed in the background").isBefore(deadline);
                    Thread.sleep(50);
                }
            }
        }

        @Test
        void checkWhenRefreshFailsThenPreviousPolicyKept() {
            StytchPrincipal editor = principal("editor");
            stytch.authorizer().check(editor, READ_DOCUMENTS);
            emulator.faults().respond(CONSUMER_POLICY, 500);

            assertThatExceptionOfType(StytchUnavailableException.class).isThrownBy(() -> stytch.authorizer().refresh());

            assertThat(stytch.authorizer().check(editor, READ_DOCUMENTS).granted()).isTrue();
        }

        @Test
        void checkWhenPolicyNeverFetchedAndStytchDownThenUnavailable() {
            emulator.faults().respond(CONSUMER_POLICY, 503);

            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> stytch.authorizer().check(principal("editor"), READ_DOCUMENTS));
            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> stytch.authorizer().check(principal("editor"), READ_DOCUMENTS))
                    .satisfies(e -> assertThat(e.retryAfter()).isPresent());
            assertThat(emulator.requestLog().requests(CONSUMER_POLICY)).hasSize(1 + StytchConfig.DEFAULT_HTTP_MAX_RETRIES);
        }

        private StytchPrincipal principal(String... roles) {
            var user = emulator.createUser(u -> u.roles(roles));
            var session = emulator.createSession(user, s -> { });
            return stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt())).principal();
        }
    }

    @Nested
    class B2b {

        private StytchEmulator emulator;
        private Stytch stytch;
        private EmulatedOrganization acme;
        private EmulatedOrganization globex;

        @BeforeEach
        void setUp() {
            emulator = STYTCH.emulator();
            emulator.rbac().setB2bPolicy(documentsPolicy());
            stytch = Stytch.create(EmulatorConfigs.b2b(emulator));
            acme = emulator.createOrganization(o -> o.name("Acme"));
            globex = emulator.createOrganization(o -> o.name("Globex"));
        }

        @AfterEach
        void tearDown() {
            stytch.close();
        }

        @Test
        void checkWhenOwnOrganizationAndRoleGrantsThenGranted() {
            StytchMember editor = member(acme, "editor");

            assertThat(stytch.authorizer().checkInOrganization(editor, acme.organizationId(), WRITE_DOCUMENTS).granted()).isTrue();
            assertThat(stytch.authorizer().check(editor, WRITE_DOCUMENTS).granted()).isTrue();
            assertThat(stytch.authorizer().check(editor, new Permission("stytch.self", "update")).grantingRoles())
                    .containsExactly("stytch_member");
        }

        @Test
        void checkWhenOtherOrganizationThenTenancyMismatchBeforeAnyPolicyFetch() {
            StytchMember admin = member(acme, "admin");
            emulator.requestLog().clear();

            AuthorizationDecision decision = stytch.authorizer().checkInOrganization(admin, globex.organizationId(), READ_DOCUMENTS);

            assertThat(decision).isEqualTo(AuthorizationDecision.TENANCY_MISMATCH);
            assertThat(emulator.requestLog().requests("/v1/b2b/rbac/")).isEmpty();
        }

        @Test
        void checkWhenOrganizationCustomRoleGrantsThenGranted() {
            emulator.rbac().setOrganizationRoles(acme.organizationId(), List.of(
                    EmulatedPolicy.role("acme-auditor", "Acme only", EmulatedPolicy.permission("documents", "read"))));
            StytchMember auditor = member(acme, "acme-auditor");

            AuthorizationDecision decision = stytch.authorizer().check(auditor, READ_DOCUMENTS);

            assertThat(decision.grantingRoles()).containsExactly("acme-auditor");
            assertThat(emulator.requestLog().requests(ORG_POLICY + acme.organizationId())).hasSize(1);
        }

        @Test
        void checkWhenOrganizationPolicyUnavailableButProjectRoleGrantsThenGranted() {
            emulator.faults().respond(ORG_POLICY, 503);

            assertThat(stytch.authorizer().check(member(acme, "editor"), READ_DOCUMENTS).granted()).isTrue();
        }

        @Test
        void checkWhenOrganizationPolicyUnavailableAndProjectRolesDenyThenUnavailable() {
            emulator.faults().respond(ORG_POLICY, 503);

            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> stytch.authorizer().check(member(acme, "viewer"), DELETE_DOCUMENTS));
        }

        private StytchMember member(EmulatedOrganization organization, String... roles) {
            EmulatedMember member = emulator.createMember(organization, m -> m.roles(roles));
            var session = emulator.createMemberSession(member, s -> { });
            return (StytchMember) stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt())).principal();
        }
    }
}
