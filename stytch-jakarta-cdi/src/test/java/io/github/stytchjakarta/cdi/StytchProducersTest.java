package io.github.stytchjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.cdi.fixtures.Callers;
import io.github.stytchjakarta.cdi.fixtures.MemberGreeter;
import io.github.stytchjakarta.cdi.fixtures.MicroProfileConfigs;
import io.github.stytchjakarta.cdi.fixtures.StytchWeld;
import io.github.stytchjakarta.core.M2mTokenVerifier;
import io.github.stytchjakarta.core.Permission;
import io.github.stytchjakarta.core.SessionAuthenticator;
import io.github.stytchjakarta.core.SessionCredential;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.core.StytchClient;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchMemberSession;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUser;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The producers and {@link CurrentStytchSession} in Weld, configured through MicroProfile Config (B2B). */
class StytchProducersTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static DemoData demo;
    private static Config config;
    private static WeldContainer container;
    private static Callers callers;
    private static StytchPrincipal alice;

    @BeforeAll
    static void start() {
        demo = DemoData.seed(STYTCH.emulator());
        Map<String, String> values = MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b");
        values.put("stytch.roles.mapping.admin", "manager");
        values.put("stytch.web.realm", "acme-api");
        config = MicroProfileConfigs.register(values);
        container = StytchWeld.LIBRARY.start(MemberGreeter.class);
        callers = container.select(Callers.class).get();
        alice = container.select(SessionAuthenticator.class).get()
                .authenticate(new SessionCredential.SessionJwt(demo.sessions().get("alice@acme.test").sessionJwt()))
                .principal();
    }

    @AfterAll
    static void stop() {
        container.close();
        MicroProfileConfigs.release(config);
    }

    @Test
    void readinessCheckWhenMicroProfileHealthPresentThenStytchCheckIsUpWithItsData() {
        HealthCheckResponse response = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get().call();

        assertThat(response.getName()).isEqualTo("stytch");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("keys-loaded", true).containsEntry("policy-loaded", true)
                .containsEntry("circuit-closed", true).containsKeys("key-set-age-seconds", "policy-age-seconds"));
        assertThat(container.select(HealthCheck.class, Liveness.Literal.INSTANCE).isUnsatisfied())
                .as("never a liveness check").isTrue();
    }

    @Test
    void stytchWhenInjectedTwiceThenOneFacadeWithItsParts() {
        Stytch stytch = container.select(Stytch.class).get();
        assertThat(container.select(Stytch.class).get()).isSameAs(stytch);
        assertThat(container.select(StytchClient.class).get()).isSameAs(stytch.client());
        assertThat(container.select(SessionAuthenticator.class).get()).isSameAs(stytch.authenticator());
        assertThat(container.select(StytchAuthorizer.class).get()).isSameAs(stytch.authorizer());
        assertThat(container.select(M2mTokenVerifier.class).get()).isSameAs(stytch.m2mVerifier());
        assertThat(container.select(StytchConfig.class).get()).isSameAs(stytch.config());
        assertThat(container.select(StytchWebAuthenticator.class).get())
                .isSameAs(container.select(StytchWebAuthenticator.class).get());
    }

    @Test
    void configWhenReadFromMicroProfileConfigThenHoldsTheKeys() {
        StytchConfig core = container.select(StytchConfig.class).get();
        assertThat(core.projectId()).isEqualTo(STYTCH.emulator().projectId());
        assertThat(core.vertical()).isEqualTo(Vertical.B2B);
        assertThat(core.baseUrl()).isEqualTo(STYTCH.emulator().baseUrl());
        StytchWebConfig web = container.select(StytchWebConfig.class).get();
        assertThat(web.realm()).isEqualTo("acme-api");
        assertThat(web.roles().mapping()).containsEntry("admin", Set.of("manager"));
    }

    @Test
    void stytchWhenContainerStopsThenClosed() throws InterruptedException {
        Set<Thread> before = policyRefreshThreads();
        WeldContainer another = StytchWeld.LIBRARY.start();
        Stytch stytch = another.select(Stytch.class).get();
        assertThat(stytch.authorizer().check(alice, new Permission(DemoData.RESOURCE, "read")).granted()).isTrue();
        Set<Thread> started = policyRefreshThreads();
        started.removeAll(before);
        assertThat(started).as("the facade's policy refresh thread").isNotEmpty();
        another.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (started.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(started).as("closed with the container").noneMatch(Thread::isAlive);
    }

    @Test
    void currentSessionWhenAnonymousThenEmpty() throws Exception {
        CurrentStytchSession current = container.select(CurrentStytchSession.class).get();
        callers.anonymous(() -> {
            assertThat(current.isAuthenticated()).isFalse();
            assertThat(current.principal()).isEmpty();
            assertThat(current.member()).isEmpty();
            assertThat(current.memberSession()).isEmpty();
            assertThat(current.roles()).isEmpty();
            assertThat(current.credentialSource()).isEmpty();
            assertThatExceptionOfType(StytchNotAuthenticatedException.class).isThrownBy(current::requirePrincipal);
            return null;
        });
    }

    @Test
    void currentSessionWhenMemberThenExposesMemberSessionAndMappedRoles() throws Exception {
        CurrentStytchSession current = container.select(CurrentStytchSession.class).get();
        callers.call(alice, () -> {
            assertThat(current.isAuthenticated()).isTrue();
            assertThat(current.requirePrincipal().getName()).isEqualTo(demo.alice().memberId());
            assertThat(current.member()).hasValueSatisfying(member ->
                    assertThat(member.organizationId()).isEqualTo(demo.acme().organizationId()));
            assertThat(current.memberSession()).hasValueSatisfying(session ->
                    assertThat(session.memberSessionId()).isEqualTo(demo.sessions().get("alice@acme.test").sessionId()));
            assertThat(current.user()).isEmpty();
            assertThat(current.session()).isEmpty();
            assertThat(current.roles()).containsExactly("stytch_member", "stytch_admin", "admin", "manager");
            assertThat(current.hasRole("manager")).isTrue();
            assertThat(current.hasRole("editor")).isFalse();
            return null;
        });
    }

    @Test
    void callerProducersWhenMemberThenInjectTheCaller() throws Exception {
        callers.call(alice, () -> {
            assertThat(container.select(StytchPrincipal.class).get()).isEqualTo(alice);
            assertThat(container.select(StytchMember.class).get()).isEqualTo(alice);
            assertThat(container.select(StytchMemberSession.class).get()).isEqualTo(((StytchMember) alice).session());
            assertThat(container.select(MemberGreeter.class).get().greet())
                    .isEqualTo("hello " + demo.alice().memberId() + " of acme");
            return null;
        });
    }

    @Test
    void callerProducersWhenAnonymousThenNotAuthenticated() {
        assertThatExceptionOfType(StytchNotAuthenticatedException.class)
                .isThrownBy(() -> callers.anonymous(() -> container.select(MemberGreeter.class).get().greet()));
        assertThatExceptionOfType(StytchNotAuthenticatedException.class)
                .isThrownBy(() -> callers.anonymous(() -> container.select(StytchPrincipal.class).get()));
    }

    @Test
    void callerProducersWhenOtherVerticalThenProgrammingError() {
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> callers.call(alice, () -> container.select(StytchUser.class).get()))
                .withMessageContaining("stytch.vertical");
    }

    private static Set<Thread> policyRefreshThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("stytch-rbac-refresh"))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
