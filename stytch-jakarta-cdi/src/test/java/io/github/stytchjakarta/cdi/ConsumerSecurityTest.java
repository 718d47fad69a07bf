package io.github.stytchjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.cdi.fixtures.Callers;
import io.github.stytchjakarta.cdi.fixtures.DocumentService;
import io.github.stytchjakarta.cdi.fixtures.MicroProfileConfigs;
import io.github.stytchjakarta.cdi.fixtures.StytchWeld;
import io.github.stytchjakarta.core.SessionAuthenticator;
import io.github.stytchjakarta.core.SessionCredential;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchSession;
import io.github.stytchjakarta.core.StytchUser;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A consumer application: users instead of members, no organizations. */
class ConsumerSecurityTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static DemoData demo;
    private static Config config;
    private static WeldContainer container;
    private static DocumentService documents;
    private static Callers callers;
    private static StytchPrincipal ada;

    @BeforeAll
    static void start() {
        demo = DemoData.seed(STYTCH.emulator());
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "consumer"));
        container = StytchWeld.LIBRARY.start(DocumentService.class);
        documents = container.select(DocumentService.class).get();
        callers = container.select(Callers.class).get();
        ada = container.select(SessionAuthenticator.class).get()
                .authenticate(new SessionCredential.SessionJwt(demo.sessions().get("ada@example.com").sessionJwt()))
                .principal();
    }

    @AfterAll
    static void stop() {
        container.close();
        MicroProfileConfigs.release(config);
    }

    @Test
    void currentSessionWhenUserThenExposesUserAndSession() throws Exception {
        CurrentStytchSession current = container.select(CurrentStytchSession.class).get();
        callers.call(ada, () -> {
            assertThat(current.user()).hasValueSatisfying(user -> assertThat(user.userId()).isEqualTo(demo.ada().userId()));
            assertThat(current.session()).hasValueSatisfying(session ->
                    assertThat(session.sessionId()).isEqualTo(demo.sessions().get("ada@example.com").sessionId()));
            assertThat(current.member()).isEmpty();
            assertThat(container.select(StytchUser.class).get()).isEqualTo(ada);
            assertThat(container.select(StytchSession.class).get()).isEqualTo(((StytchUser) ada).session());
            return null;
        });
    }

    @Test
    void requiresPermissionWhenConsumerPolicyGrantsThenProceedsElseDenied() throws Exception {
        assertThat(callers.call(ada, documents::edit)).isEqualTo("edited");
        assertThatExceptionOfType(StytchAccessDeniedException.class)
                .isThrownBy(() -> callers.call(ada, documents::delete))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(StytchAccessDeniedException.Reason.PERMISSION_DENIED));
    }

    @Test
    void organizationParameterWhenConsumerUserThenTenancyMismatch() {
        assertThatExceptionOfType(StytchAccessDeniedException.class)
                .isThrownBy(() -> callers.call(ada, () -> documents.readIn(demo.acme().organizationId())))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(StytchAccessDeniedException.Reason.TENANCY_MISMATCH));
    }

    @Test
    void memberInjectedWhenConsumerUserThenProgrammingError() {
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> callers.call(ada, () -> container.select(StytchMember.class).get()))
                .withMessageContaining("consumer user");
    }
}
