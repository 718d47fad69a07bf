package io.github.stytchjakarta.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.cdi.fixtures.MicroProfileConfigs;
import io.github.stytchjakarta.cdi.fixtures.StytchWeld;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Qualifier;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the extension checks and decides while the application deploys (CDI on Weld): an application with the
 * module is protected or does not deploy, every mistake named by key, never by value.
 */
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
                .isThrownBy(() -> StytchWeld.LIBRARY.start(UsesStytch.class))
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
                .isThrownBy(() -> StytchWeld.LIBRARY.start())
                .withMessageContaining("stytch.secret: is required");
    }

    @Test
    void deploymentWhenLibraryUnusedAndUnconfiguredThenFailsNamingTheWayOut() {
        config = MicroProfileConfigs.register(Map.of());
        assertThatExceptionOfType(DeploymentException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(Unrelated.class))
                .withMessageContaining("stytch.project-id: is required")
                .withMessageContaining("stytch.enabled=false to switch it off");
    }

    @Test
    void deploymentWhenSwitchedOffAndUnusedThenStartsWithoutMechanism() {
        config = MicroProfileConfigs.register(Map.of("stytch.enabled", "false",
                "stytch.security.mechanism.enabled", "true"));
        try (WeldContainer container = StytchWeld.LIBRARY.start(Unrelated.class)) {
            assertThat(container.select(Unrelated.class).get().hello()).isEqualTo("hello");
            assertThat(container.select(HttpAuthenticationMechanism.class).isResolvable()).isFalse();
        }
    }

    @Test
    void deploymentWhenSwitchedOffButAnnotationsUsedThenFails() {
        config = MicroProfileConfigs.register(Map.of("stytch.enabled", "false"));
        assertThatExceptionOfType(DeploymentException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(Secured.class))
                .withMessageContaining("stytch.enabled: is false, but the application uses @RequiresAuthentication");
    }

    static Stream<Arguments> misspeltKeys() {
        return Stream.of(
                Arguments.of("stytch.web.permission", "POST /** documents:create", "stytch.web.permissions"),
                Arguments.of("stytch.jwks.cache-tll", "PT5M", "stytch.jwks.cache-ttl"),
                Arguments.of("stytch.web.public-path", "/**", "stytch.web.public-paths"),
                Arguments.of("stytch.security.mechanism.enable", "true", "stytch.security.mechanism.enabled"),
                Arguments.of("stytch.roles.mappings.admin", "manager", "stytch.roles.mapping.admin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misspeltKeys")
    void deploymentWhenKeyMisspeltThenFailsWithTheKeyMeant(String misspelt, String value, String meant) {
        Map<String, String> values = MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b");
        values.put(misspelt, value);
        config = MicroProfileConfigs.register(values);
        assertThatExceptionOfType(DeploymentException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(Unrelated.class))
                .withMessageContaining(misspelt + ": is not a stytch-jakarta key (did you mean " + meant + "?)")
                .withMessageNotContaining(value);
    }

    @Test
    void deploymentWhenOperatorAndApplicationDisagreeThenSystemPropertyThenEnvironmentWin() {
        Map<String, String> packaged = MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b");
        packaged.put("stytch.web.realm", "from-properties");
        packaged.put("stytch.web.return-parameter", "from_properties");
        packaged.put("stytch.vertical", "b2b");
        System.setProperty("stytch.web.realm", "from-system-property");
        try {
            config = MicroProfileConfigs.registerLayered(Map.of("STYTCH_WEB_REALM", "from-environment",
                    "STYTCH_WEB_RETURN_PARAMETER", "from_environment", "STYTCH_VERTICAL", "consumer"), packaged);
            try (WeldContainer container = StytchWeld.LIBRARY.start(UsesStytch.class)) {
                StytchWebConfig web = container.select(StytchWebConfig.class).get();
                assertThat(web.realm()).isEqualTo("from-system-property");
                assertThat(web.returnParameter()).isEqualTo("from_environment");
                assertThat(container.select(StytchConfig.class).get().vertical()).isEqualTo(Vertical.CONSUMER);
            }
        } finally {
            System.clearProperty("stytch.web.realm");
        }
    }

    @Test
    void deploymentWhenMisspeltKeyIsASystemPropertyThenFails() {
        System.setProperty("stytch.jwt.clock-skw", "PT1M");
        try {
            config = MicroProfileConfigs.registerLayered(Map.of(), MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
            assertThatExceptionOfType(DeploymentException.class)
                    .isThrownBy(() -> StytchWeld.LIBRARY.start(Unrelated.class))
                    .withMessageContaining("stytch.jwt.clock-skw: is not a stytch-jakarta key (did you mean stytch.jwt.clock-skew?)");
        } finally {
            System.clearProperty("stytch.jwt.clock-skw");
        }
    }

    @Test
    void deploymentWhenUnknownKeysToleratedThenStarts() {
        Map<String, String> values = MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b");
        values.put("stytch.future.setting", "on");
        values.put("stytch.config.unknown-keys", "warn");
        config = MicroProfileConfigs.register(values);
        try (WeldContainer container = StytchWeld.LIBRARY.start(UsesStytch.class)) {
            assertThat(container.select(UsesStytch.class).get().projectId())
                    .isEqualTo(STYTCH.emulator().projectId());
        }
    }

    @Test
    void deploymentWhenStytchInjectedWithoutConfigurationThenFails() {
        config = MicroProfileConfigs.register(Map.of());
        assertThatExceptionOfType(DeploymentException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(UsesStytch.class))
                .withMessageContaining("stytch.project-id: is required");
    }

    @Test
    void deploymentWhenAnnotationUsedWithoutConfigurationThenFails() {
        config = MicroProfileConfigs.register(Map.of());
        assertThatExceptionOfType(DeploymentException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(Secured.class))
                .withMessageContaining("stytch.project-id: is required");
    }

    @Test
    void deploymentWhenOrganizationIdNotStringThenDefinitionErrorNamesMethod() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(NumericOrganization.class))
                .withMessageContaining("NumericOrganization.read()")
                .withMessageContaining("is not a String");
    }

    @Test
    void deploymentWhenOrganizationIdWithoutPermissionThenDefinitionError() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(OrganizationWithoutPermission.class))
                .withMessageContaining("OrganizationWithoutPermission.read()")
                .withMessageContaining("no @RequiresPermission");
    }

    @Test
    void deploymentWhenPermissionBlankThenDefinitionError() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(BlankPermission.class))
                .withMessageContaining(BlankPermission.class.getName())
                .withMessageContaining("needs a resource and an action");
    }

    @Test
    void deploymentWhenScopeBlankOrMissingThenDefinitionErrorsNameEachClass() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(BlankScope.class, NoScope.class))
                .withMessageContaining(BlankScope.class.getName() + ".export() has a blank scope")
                .withMessageContaining(NoScope.class.getName() + " lists no scope");
    }

    @Test
    void deploymentWhenSwitchedOffAndOnlyRolesAllowedUsedThenLeftToTheContainer() {
        config = MicroProfileConfigs.register(Map.of("stytch.enabled", "false"));
        try (WeldContainer container = StytchWeld.LIBRARY.start(ContainerSecured.class)) {
            assertThat(container.select(ContainerSecured.class).get().run()).isEqualTo("ran");
        }
    }

    @Test
    void rolesAllowedWhenEnterpriseBeanThenLeftToTheEjbContainer() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        try (WeldContainer container = StytchWeld.LIBRARY.start(EnterpriseBean.class)) {
            // no Stytch caller here: the library's interceptor would refuse the call
            assertThat(container.select(EnterpriseBean.class).get().run()).isEqualTo("ran");
        }
    }

    @Test
    void deploymentWhenRolesAllowedAndPermitAllTogetherThenDefinitionError() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(ContradictoryJakartaRules.class))
                .withMessageContaining("ContradictoryJakartaRules.run()")
                .withMessageContaining("more than one of @RolesAllowed, @PermitAll and @DenyAll");
    }

    @Test
    void deploymentWhenPermitAllBesideStytchRuleThenDefinitionError() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(PermitAllWithPermission.class))
                .withMessageContaining("PermitAllWithPermission.run()")
                .withMessageContaining("contradicts its Stytch security annotation");
    }

    @Test
    void mechanismWhenNotEnabledThenAbsent() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        try (WeldContainer container = StytchWeld.LIBRARY.start()) {
            assertThat(container.select(HttpAuthenticationMechanism.class).isResolvable()).isFalse();
        }
    }

    @Test
    void mechanismWhenEnabledByKeyThenPresent() {
        Map<String, String> values = MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b");
        values.put("stytch.security.mechanism.enabled", "true");
        config = MicroProfileConfigs.register(values);
        try (WeldContainer container = StytchWeld.LIBRARY.start()) {
            assertThat(container.select(HttpAuthenticationMechanism.class).get())
                    .isInstanceOf(StytchAuthenticationMechanism.class);
        }
    }

    @Test
    void mechanismWhenEnabledByAnnotationThenPresent() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        try (WeldContainer container = StytchWeld.LIBRARY.start(MechanismDefinition.class)) {
            assertThat(container.select(HttpAuthenticationMechanism.class).get())
                    .isInstanceOf(StytchAuthenticationMechanism.class);
        }
    }

    @Test
    void mechanismWhenQualifiedOnSecurityThreeThenInjectableByQualifierAndStillDefault() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        try (WeldContainer container = StytchWeld.LIBRARY.start(QualifiedMechanismDefinition.class)) {
            assertThat(container.select(HttpAuthenticationMechanism.class, ViaStytch.Literal.INSTANCE).get())
                    .isInstanceOf(StytchAuthenticationMechanism.class);
            assertThat(container.select(HttpAuthenticationMechanism.class).isResolvable())
                    .as("Jakarta Security 3 looks the mechanism up as @Default").isTrue();
        }
    }

    @Test
    void mechanismWhenQualifierNotAQualifierThenDefinitionError() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(NotAQualifierDefinition.class))
                .withMessageContaining("java.lang.Deprecated is not a CDI qualifier annotation");
    }

    @Test
    void mechanismWhenDefinitionsNameDifferentQualifiersThenDefinitionErrorNamesBoth() {
        config = MicroProfileConfigs.register(MicroProfileConfigs.emulator(STYTCH.emulator(), "b2b"));
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> StytchWeld.LIBRARY.start(MechanismDefinition.class, QualifiedMechanismDefinition.class))
                .withMessageContaining(MechanismDefinition.class.getName())
                .withMessageContaining(QualifiedMechanismDefinition.class.getName())
                .withMessageContaining("names different qualifiers");
    }

    @ApplicationScoped
    static class UsesStytch {

        @Inject
        Stytch stytch;

        String projectId() {
            return stytch.config().projectId();
        }
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
    static class ContainerSecured {

        @RolesAllowed("admin")
        String run() {
            return "ran";
        }
    }

    @Stateless
    @ApplicationScoped
    static class EnterpriseBean {

        @RolesAllowed("admin")
        String run() {
            return "ran";
        }
    }

    @ApplicationScoped
    static class ContradictoryJakartaRules {

        @RolesAllowed("admin")
        @PermitAll
        void run() {
        }
    }

    @ApplicationScoped
    static class PermitAllWithPermission {

        @PermitAll
        @RequiresPermission(resource = "documents", action = "read")
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
    static class BlankScope {

        @RequiresScope({"read:documents", " "})
        void export() {
        }
    }

    @ApplicationScoped
    @RequiresScope({})
    static class NoScope {

        void export() {
        }
    }

    @ApplicationScoped
    @StytchAuthenticationMechanismDefinition
    static class MechanismDefinition {
    }

    @ApplicationScoped
    @StytchAuthenticationMechanismDefinition(qualifiers = ViaStytch.class)
    static class QualifiedMechanismDefinition {
    }

    @ApplicationScoped
    @StytchAuthenticationMechanismDefinition(qualifiers = Deprecated.class)
    static class NotAQualifierDefinition {
    }

    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @interface ViaStytch {

        final class Literal extends AnnotationLiteral<ViaStytch> implements ViaStytch {

            static final Literal INSTANCE = new Literal();

            private static final long serialVersionUID = 1L;
        }
    }
}
