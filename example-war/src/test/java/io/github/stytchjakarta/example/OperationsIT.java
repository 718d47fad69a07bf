package io.github.stytchjakarta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.example.support.ExampleApp;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator of the example sees, over real HTTP: {@code /health/ready} in MicroProfile Health's format,
 * the library's metrics at {@code /metrics} in Prometheus' format, and the emulator's signed webhook revoking a
 * session whose JWT this node had verified and cached.
 */
class OperationsIT {

    @RegisterExtension
    static final ExampleApp APP = new ExampleApp(Vertical.B2B);

    private final TestHttp http = TestHttp.browser();

    @Test
    void readinessWhenStytchReachableThenUpWithTheLibrarysCheck() {
        HttpResponse<String> response = http.send(TestHttp.request(APP.uri("health/ready")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(response).path("status").asText()).isEqualTo("UP");
        assertThat(TestHttp.json(response).path("checks").get(0).path("data").path("keys-loaded").asBoolean()).isTrue();
    }

    @Test
    void metricsWhenRequestsWereAuthenticatedThenCountedByOutcomeInPrometheusFormat() {
        EmulatedSession session = session();
        http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", "Bearer " + session.sessionJwt()));
        http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", "Bearer not.a.jwt"));

        HttpResponse<String> metrics = http.send(TestHttp.request(APP.uri("metrics")));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body()).contains("stytch_authentications_total{").contains("stytch_outcome=\"local\"")
                .contains("stytch_reason=\"malformed\"").contains("stytch_circuit_open")
                .doesNotContain(session.sessionJwt()).doesNotContain(session.sessionId());
    }

    @Test
    void webhookWhenEmulatorRevokesSessionThenItsCachedJwtIsRefusedAtOnce() throws Exception {
        EmulatedSession session = session();
        String bearer = "Bearer " + session.sessionJwt();
        assertThat(http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", bearer)).statusCode())
                .isEqualTo(200);

        APP.emulator().revokeSession(session.sessionId());
        APP.emulator().webhooks().awaitDeliveries(1, Duration.ofSeconds(10));

        HttpResponse<String> refused = http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", bearer));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(refused).path("code").asText()).isEqualTo("stytch.invalid_token.session_not_found");
    }

    private static EmulatedSession session() {
        return APP.emulator().createMemberSession(APP.demo().bob(), s -> s.duration(Duration.ofHours(1)));
    }
}
