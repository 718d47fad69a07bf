package io.github.stytchjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.cdi.fixtures.MicroProfileConfigs;
import io.github.stytchjakarta.cdi.fixtures.TestContainers;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the extension checks and decides while the application deploys. */
class DeploymentValidationTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private Config config;

    @AfterEach
    void release() {
        MicroProfileConfigs.release(config);
    }

    @Test
    void deploymentWhenConfigurationInvalidThenEveryProblemListedByKey() {
        config = MicroProfileConfigs.register(Map.of(
                "stytch.project-id", "project-test-1",
                "stytch.base-url", "ftp://hidden-value.example",
                "stytch.jwt.clock-skew", "a-little",
                "stytch.web.mode", "sideways",
                "stytch.security.mechanism.enabled", "yes"));
        assertThatExceptionOfType(DeploymentException.class)
                .isThrownBy(() -> TestContainers.start(UsesStytch.class))
                .withMessageContaining("stytch.secret: is required")
                .withMessageContaining("stytch.base-url")
                .withMessageContaining("stytch.jwt.clock-skew")
                .withMessageContaining("stytch.web.mode")
                .withMessageContaining("stytch.security.mechanism.enabled")
                .withMessageNotContaining("hidden-value")
                .withMessageNotContaining("a-little");
    }

    @Test
    void deploymentWhenProjectIdSetThenValidatedEvenIfUnused() {
        config = MicroProfileConfigs.register(Map.of("stytch.project-id", "project-test-1"));
        assertThatExceptionOfType(DeploymentException.class)
                .isThrownBy(TestContainers::start)
                .withMessageContaining("stytch.secret: is required");
    }

    @Test
    void deploymentWhenLibraryUnusedAndUnconfiguredThenStarts() {
        config = MicroProfileConfigs.register(Map.of());
        try (WeldContainer container = TestContainers.start(Unrelated.class)) {
            assertThat(container.select(Unrelated.class).get().hello()).isEqualTo("hello");
        }
    }

    @Test
    void deploymentWhenStytchInjectedWithoutConfigurationThenFails() {
        config = MicroProfileConfigs.register(Map.of());
        assertThatExceptionOfType(DeploymentException.class)
                .isThrownBy(() -> TestContainers.start(UsesStytch.class))
                .withMessageContaining("stytch.project-id: is required");
    }

    @Test
    void deploymentWhenAnnotationUsedWithoutConfigurationThenFails() {
        config = MicroProfileConfigs.register(Map.of());
        assertThatExceptionOfType(DeploymentException.class)
                .isThrownBy(() -> TestContainers.start(Secured.class))
                .withMessageContaining("stytch.project-id: is required");
    }

    @Test
    void deploymentWhenOrganizationIdNotStringThenDefinitionErrorNamesMethod() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> TestContainers.start(NumericOrganization.class))
                .withMessageContaining("NumericOrganization.read()")
                .withMessageContaining("is not a String");
    }

    @Test
    void deploymentWhenOrganizationIdWithoutPermissionThenDefinitionError() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> TestContainers.start(OrganizationWithoutPermission.class))
                .withMessageContaining("OrganizationWithoutPermission.read()")
                .withMessageContaining("no @RequiresPermission");
    }

    @Test
    void deploymentWhenPermissionBlankThenDefinitionError() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> TestContainers.start(BlankPermission.class))
                .withMessageContaining(BlankPermission.class.getName())
                .withMessageContaining("needs a resource and an action");
    }

    @Test
    void mechanismWhenNotEnabledThenAbsent() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        try (WeldContainer container = TestContainers.start()) {
            assertThat(container.select(HttpAuthenticationMechanism.class).isResolvable()).isFalse();
        }
    }

    @Test
    void mechanismWhenEnabledByKeyThenPresent() {
        Map<String, String> values = MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b");
        values.put("stytch.security.mechanism.enabled", "true");
        config = MicroProfileConfigs.register(values);
        try (WeldContainer container = TestContainers.start()) {
            assertThat(container.select(HttpAuthenticationMechanism.class).get())
                    .isInstanceOf(StytchAuthenticationMechanism.class);
        }
    }

    @Test
    void mechanismWhenEnabledByAnnotationThenPresent() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        try (WeldContainer container = TestContainers.start(MechanismDefinition.class)) {
            assertThat(container.select(HttpAuthenticationMechanism.class).get())
                    .isInstanceOf(StytchAuthenticationMechanism.class);
        }
    }

    @ApplicationScoped
    static class UsesStytch {

        @Inject
        Stytch stytch;
    }

    @ApplicationScoped
    static class Unrelated {

        String hello() {
            return "hello";
        }
    }

    @ApplicationScoped
    static class Secured {

        @RequiresAuthentication
        void run() {
        }
    }

    @ApplicationScoped
    static class NumericOrganization {

        @RequiresPermission(resource = "documents", action = "read")
        void read(@OrganizationId long organization) {
        }
    }

    @ApplicationScoped
    static class OrganizationWithoutPermission {

        @RequiresAuthentication
        void read(@OrganizationId String organization) {
        }
    }

    @ApplicationScoped
    @RequiresPermission(resource = " ", action = "read")
    static class BlankPermission {

        void read() {
        }
    }

    @ApplicationScoped
    @StytchAuthenticationMechanismDefinition
    static class MechanismDefinition {
    }
}
