package io.github.stytchjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StytchEmulatorMainTest {

    @Test
    void configureWhenOptionsGivenThenApplied() {
        try (StytchEmulator emulator = StytchEmulatorMain.configure(new String[] {"--port", "0", "--project-id",
                "project-test-main", "--secret", "secret-test-main", "--issuer", "base-url"}).build().start()) {
            assertThat(emulator.projectId()).isEqualTo("project-test-main");
            assertThat(emulator.secret()).isEqualTo("secret-test-main");
            assertThat(emulator.issuer()).isEqualTo(emulator.baseUrl().toString());
        }
    }

    @Test
    void configureWhenBoundToAllAddressesThenServesOnLoopbackWithALoopbackBaseUrl() {
        try (StytchEmulator emulator = StytchEmulatorMain.configure(new String[] {"--port", "0", "--bind", "0.0.0.0"})
                .build().start()) {
            assertThat(emulator.baseUrl().getHost()).isEqualTo(StytchEmulator.LOOPBACK_ADDRESS);
            assertThat(new EmulatorHttp(emulator).get("/v1/debug/whoami").status()).isEqualTo(200);
        }
    }

    @Test
    void configureWhenOptionUnknownOrMalformedThenIllegalArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> StytchEmulatorMain.configure(new String[] {"--bind", "no such host."}));
        assertThatIllegalArgumentException().isThrownBy(() -> StytchEmulatorMain.configure(new String[] {"--verbose", "x"}));
        assertThatIllegalArgumentException().isThrownBy(() -> StytchEmulatorMain.configure(new String[] {"--port"}));
        assertThatIllegalArgumentException().isThrownBy(() -> StytchEmulatorMain.configure(new String[] {"--port", "abc"}));
        assertThatIllegalArgumentException().isThrownBy(() -> StytchEmulatorMain.configure(new String[] {"70000"}));
        assertThatIllegalArgumentException().isThrownBy(() -> StytchEmulatorMain.configure(new String[] {"--issuer", "x"}));
    }

    @Test
    void printWhenSeededThenBaseUrlCredentialsAndWorkingDemoTokens() {
        try (StytchEmulator emulator = StytchEmulatorMain.configure(new String[] {"0"}).build().start()) {
            DemoData demo = DemoData.seed(emulator);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            StytchEmulatorMain.print(emulator, demo, new PrintStream(out, true, StandardCharsets.UTF_8));

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains(emulator.baseUrl().toString(), emulator.projectId(), emulator.secret(),
                    emulator.jwksUri().toString(), demo.sessions().get("alice@acme.test").sessionToken(),
                    demo.reportingClient().clientId());
            String token = demo.sessions().get("bob@acme.test").sessionToken();
            assertThat(new EmulatorHttp(emulator).post("/v1/b2b/sessions/authenticate",
                    EmulatorHttp.body("session_token", token)).status()).isEqualTo(200);
        }
    }
}
