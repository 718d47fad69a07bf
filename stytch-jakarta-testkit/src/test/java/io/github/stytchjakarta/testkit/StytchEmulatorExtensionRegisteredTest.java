package io.github.stytchjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StytchEmulatorExtensionRegisteredTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder
            .projectId("project-test-registered").secret("secret-test-registered").issuerStyle(IssuerStyle.BASE_URL));

    @Test
    void emulatorWhenConfiguredThenConfigurationApplied() {
        StytchEmulator emulator = STYTCH.emulator();

        assertThat(emulator.projectId()).isEqualTo("project-test-registered");
        assertThat(emulator.secret()).isEqualTo("secret-test-registered");
        assertThat(emulator.issuer()).isEqualTo(emulator.baseUrl().toString());
        assertThat(emulator.jwksUri()).hasToString(emulator.baseUrl() + "/v1/sessions/jwks/project-test-registered");
    }

    @Test
    void emulatorWhenParameterAlsoRequestedThenSameInstance(StytchEmulator emulator) {
        assertThat(emulator).isSameAs(STYTCH.emulator());
    }

    @Test
    void emulatorWhenExtensionNeverRanThenIllegalState() {
        assertThatIllegalStateException().isThrownBy(() -> new StytchEmulatorExtension().emulator());
    }
}
