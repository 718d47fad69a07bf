package io.github.stytchjakarta.testkit;

import static io.github.stytchjakarta.testkit.ConsumerAuthenticateTest.assertError;
import static io.github.stytchjakarta.testkit.EmulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.testsupport.RawHttp;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private final StytchEmulator emulator = STYTCH.emulator();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @Test
    void respondWhenTimesGivenThenForcedStatusThatManyTimesThenNormal() {
        emulator.faults().respond("/v1/rbac/", 429, 2);

        EmulatorHttp.Answer first = http.get("/v1/rbac/policy");
        assertError(first, 429, "too_many_requests");
        assertThat(first.header("Retry-After")).isEqualTo("1");
        assertError(http.get("/v1/rbac/policy"), 429, "too_many_requests");
        assertThat(http.get("/v1/rbac/policy").status()).isEqualTo(200);
    }

    @Test
    void respondWhenUnlimitedThenUntilCleared() {
        emulator.faults().respond("/v1/sessions/authenticate", 500);

        assertError(http.post("/v1/sessions/authenticate", body()), 500, "internal_server_error");
        assertError(http.post("/v1/sessions/authenticate", body()), 500, "internal_server_error");
        assertThat(http.get("/v1/rbac/policy").status()).isEqualTo(200);

        emulator.faults().clear();

        assertError(http.post("/v1/sessions/authenticate", body()), 400, "no_session_arguments");
    }

    @Test
    void respondWhenServiceUnavailableThen503WithRetryAfter() {
        emulator.faults().respond("/v1/b2b/", 503, 1);

        EmulatorHttp.Answer answer = http.get("/v1/b2b/rbac/policy");

        assertError(answer, 503, "server_unavailable");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void jwksOutageWhenOnThenBothJwksEndpoints503AndApiStillWorks() {
        emulator.faults().jwksOutage(true);

        assertError(http.getWithout("/v1/sessions/jwks/" + emulator.projectId(), null), 503, "server_unavailable");
        assertError(http.get("/v1/b2b/sessions/jwks/" + emulator.projectId()), 503, "server_unavailable");
        assertThat(http.get("/v1/rbac/policy").status()).isEqualTo(200);

        emulator.faults().jwksOutage(false);

        assertThat(http.getWithout("/v1/sessions/jwks/" + emulator.projectId(), null).status()).isEqualTo(200);
    }

    @Test
    void resetConnectionWhenSetThenClientSeesIoErrorAndRequestIsRecorded() {
        emulator.faults().resetConnection("/v1/b2b/sessions/authenticate");

        assertThatExceptionOfType(UncheckedIOException.class)
                .isThrownBy(() -> http.post("/v1/b2b/sessions/authenticate", body("session_token", "x")));
        assertThat(emulator.requestLog().requests("/v1/b2b/sessions/authenticate")).isNotEmpty()
                .allSatisfy(request -> assertThat(request.status()).isEqualTo(RecordedRequest.CONNECTION_RESET));
        assertThat(http.get("/v1/b2b/rbac/policy").status()).isEqualTo(200);
    }

    @Test
    void resetConnectionWhenRawRequestThenNoAnswerAtAll() {
        emulator.faults().resetConnection("/v1/rbac/policy", 1);

        assertThat(RawHttp.exchange(emulator.baseUrl(), "GET /v1/rbac/policy HTTP/1.1")).isEmpty();
        assertThat(http.get("/v1/rbac/policy").status()).isEqualTo(200);
    }

    @Test
    void latencyWhenLongerThanClientTimeoutThenClientTimesOutAndOtherPathsAreNotDelayed() {
        emulator.faults().latency("/v1/sessions/authenticate", Duration.ofSeconds(30));
        TestHttp client = TestHttp.to(emulator.baseUrl());
        HttpRequest.Builder request = client.request("/v1/sessions/authenticate")
                .timeout(Duration.ofMillis(300))
                .header("Authorization", http.projectAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString("{}"));

        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> client.send(request))
                .withCauseInstanceOf(HttpTimeoutException.class);
        assertThat(http.get("/v1/rbac/policy").status()).isEqualTo(200);
    }

    @Test
    void latencyWhenShortThenAnswerArrivesNormally() {
        emulator.faults().latency("/v1/rbac/policy", Duration.ofMillis(50));

        assertThat(http.get("/v1/rbac/policy").status()).isEqualTo(200);
    }

    @Test
    void requestsWhenCalledThenMethodPathQueryAuthBodyAndStatusRecorded() {
        emulator.requestLog().clear();

        http.get("/v1/sessions?user_id=user-test-none");
        http.postRaw("/v1/sessions/authenticate", "{\"session_token\":\"abc\"}", "application/json", null);

        assertThat(emulator.requestLog().requests()).hasSize(2);
        RecordedRequest get = emulator.requestLog().requests("/v1/sessions").get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.query()).isEqualTo("user_id=user-test-none");
        assertThat(get.authenticated()).isTrue();
        assertThat(get.header("authorization")).isEqualTo(http.projectAuthorization());
        assertThat(get.status()).isEqualTo(404);
        RecordedRequest post = emulator.requestLog().requests("/v1/sessions/authenticate").get(0);
        assertThat(post.body()).isEqualTo("{\"session_token\":\"abc\"}");
        assertThat(post.authenticated()).isFalse();
        assertThat(post.status()).isEqualTo(401);
        assertThat(post.toString()).doesNotContain("abc");
        assertThat(get.toString()).doesNotContain(emulator.secret());

        emulator.requestLog().clear();

        assertThat(emulator.requestLog().requests()).isEmpty();
    }
}
