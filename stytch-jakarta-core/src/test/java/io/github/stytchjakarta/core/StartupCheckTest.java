package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.core.support.ForeignServer;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code stytch.startup-check}: {@link Stytch#create} asks {@code /v1/debug/whoami} and names the key at fault. */
class StartupCheckTest {

    private static final String WHOAMI = "/v1/debug/whoami";
    private static final String WRONG_SECRET = "secret-test-wrong-do-not-print-me";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private StytchEmulator emulator;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
    }

    @Test
    void createWhenCheckOnAndCredentialsRightThenStartsAfterOneWhoami() {
        try (Stytch stytch = Stytch.create(checked().build())) {
            assertThat(stytch.config().startupCheck()).isTrue();
        }

        assertThat(emulator.requestLog().requests(WHOAMI)).singleElement()
                .satisfies(request -> assertThat(request.authenticated()).isTrue());
    }

    @Test
    void createWhenCheckOffThenNoCallEvenWithWrongSecret() {
        try (Stytch stytch = Stytch.create(EmulatorConfigs.builder(emulator, Vertical.CONSUMER).secret(WRONG_SECRET).build())) {
            assertThat(stytch.config().startupCheck()).isFalse();
        }

        assertThat(emulator.requestLog().requests()).isEmpty();
    }

    @Test
    void createWhenSecretWrongThenConfigExceptionNamingSecretWithoutIt() {
        assertThatExceptionOfType(StytchConfigException.class)
                .isThrownBy(() -> Stytch.create(checked().secret(WRONG_SECRET).build()))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key)
                        .containsExactly(StytchConfig.Keys.SECRET, StytchConfig.Keys.PROJECT_ID))
                .withMessageContaining("stytch.secret: Stytch refused the project id and secret (HTTP 401"
                        + " unauthorized_credentials)")
                .withMessageNotContaining(WRONG_SECRET)
                .withMessageNotContaining(emulator.secret());
    }

    @Test
    void createWhenIntrospectionClientRightThenStartsAfterOneIntrospection() {
        EmulatedConnectedApp api = emulator.connectedApps().create(c -> c.name("API"));

        try (Stytch stytch = Stytch.create(checked().introspectionClientId(api.clientId())
                .introspectionClientSecret(api.clientSecret()).build())) {
            assertThat(stytch.config().introspection().enabled()).isTrue();
        }

        assertThat(emulator.requestLog().requests("/v1/public/")).hasSize(1);
    }

    @Test
    void createWhenIntrospectionClientSecretWrongThenConfigExceptionNamingTheIntrospectionKeysWithoutIt() {
        EmulatedConnectedApp api = emulator.connectedApps().create(c -> c.name("API"));

        assertThatExceptionOfType(StytchConfigException.class)
                .isThrownBy(() -> Stytch.create(checked().introspectionClientId(api.clientId())
                        .introspectionClientSecret(WRONG_SECRET).build()))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly(
                        StytchConfig.Keys.INTROSPECTION_CLIENT_SECRET, StytchConfig.Keys.INTROSPECTION_CLIENT_ID))
                .withMessageContaining("Stytch refused the introspection client (HTTP 401 invalid_client)")
                .withMessageNotContaining(WRONG_SECRET)
                .withMessageNotContaining(api.clientSecret());
    }

    @Test
    void createWhenProjectIdWrongThenConfigExceptionNamingProjectId() {
        assertThatExceptionOfType(StytchConfigException.class)
                .isThrownBy(() -> Stytch.create(checked().projectId("project-test-00000000-0000-0000-0000-000000000000")
                        .build()))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key)
                        .contains(StytchConfig.Keys.PROJECT_ID))
                .withMessageContaining("stytch.project-id: ")
                .withMessageNotContaining(emulator.secret());
    }

    @Test
    void createWhenBaseUrlAnswers404HtmlThenConfigExceptionNamingBaseUrl() {
        try (ForeignServer server = ForeignServer.html(404)) {
            assertThatExceptionOfType(StytchConfigException.class)
                    .isThrownBy(() -> Stytch.create(checked().baseUrl(server.baseUrl()).build()))
                    .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key)
                            .containsExactly(StytchConfig.Keys.BASE_URL))
                    .withMessageContaining("stytch.base-url: the start-up check got no answer from the Stytch API:"
                            + " Stytch API call GET /v1/debug/whoami answered HTTP 404 without a Stytch error body")
                    .withMessageNotContaining(emulator.secret());
        }
    }

    @Test
    void createWhenBaseUrlUnreachableThenConfigExceptionNamingBaseUrl() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        assertThatExceptionOfType(StytchConfigException.class)
                .isThrownBy(() -> Stytch.create(checked().baseUrl(URI.create("http://127.0.0.1:" + freePort))
                        .httpMaxRetries(0).build()))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key)
                        .containsExactly(StytchConfig.Keys.BASE_URL))
                .withMessageNotContaining(emulator.secret());
    }

    @Test
    void createWhenStytchAnswersForAnotherProjectThenConfigExceptionNamingProjectId() {
        String otherProject = "{\"request_id\":\"request-id-test-1\",\"project_id\":\"project-test-other\","
                + "\"name\":\"Other\",\"status_code\":200}";
        try (ForeignServer server = ForeignServer.json(200, otherProject)) {
            assertThatExceptionOfType(StytchConfigException.class)
                    .isThrownBy(() -> Stytch.create(checked().baseUrl(server.baseUrl()).build()))
                    .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key)
                            .containsExactly(StytchConfig.Keys.PROJECT_ID))
                    .withMessageContaining("Stytch answered for another project (project-test-other)");
        }
    }

    private StytchConfigBuilder checked() {
        return EmulatorConfigs.builder(emulator, Vertical.CONSUMER).startupCheck(true);
    }
}
