package io.github.stytchjakarta.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.stytchjakarta.benchmarks.http.HttpLoadServer.Target;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The load generator against the real server: answers are checked, and every worker measures. No timing asserted. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadGeneratorTest {

    private static final Duration SHORT = Duration.ofMillis(100);

    private HttpLoadServer server;

    @BeforeAll
    void startServer() throws Exception {
        server = HttpLoadServer.start();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void runWhenAnAnswerIsUnexpectedThenFailsNamingScenarioAndStatusButNotTheToken() {
        String forged = bearerOf(server.target(Scenario.NEW_JWT).requests().get()) + "A";
        Target target = Target.fixed(HttpRequest.newBuilder(server.baseUri().resolve(HttpLoadServer.PROTECTED_PATH))
                .header("Authorization", "Bearer " + forged).timeout(SHORT.multipliedBy(100)).build(),
                server.target(Scenario.CACHED_JWT).expectedBody());
        LoadGenerator generator = new LoadGenerator(new HttpLoadSettings(SHORT, Duration.ZERO, 2, 1));

        assertThatIllegalStateException().isThrownBy(() -> generator.run(Scenario.CACHED_JWT, target))
                .withMessageContaining(Scenario.CACHED_JWT.label())
                .withMessageContaining("unexpected answer 401")
                .withMessageContaining("invalid_token")
                .withMessageNotContaining(forged);
    }

    @Test
    void probeWhenPathUnknownThenFailsWith404() {
        Target target = Target.fixed(HttpRequest.newBuilder(server.baseUri().resolve("/nowhere"))
                .timeout(SHORT.multipliedBy(100)).build(), HttpLoadServer.ANONYMOUS);
        LoadGenerator generator = new LoadGenerator(HttpLoadSettings.defaults());

        assertThatIllegalStateException().isThrownBy(() -> generator.probe(Scenario.BASELINE, target))
                .withMessageContaining("baseline: first request: unexpected answer 404");
    }

    @Test
    void runWhenDurationShorterThanAnyRequestThenEveryWorkerStillMeasuresOne() throws Exception {
        int connections = 3;
        LoadGenerator generator = new LoadGenerator(new HttpLoadSettings(Duration.ofNanos(1), Duration.ZERO, connections, 1));

        LoadMeasurement measurement = generator.run(Scenario.BASELINE, server.target(Scenario.BASELINE));

        assertThat(measurement.scenario()).isEqualTo(Scenario.BASELINE);
        assertThat(measurement.requests()).isGreaterThanOrEqualTo(connections);
        assertThat(measurement.throughput()).isPositive().isFinite();
    }

    @Test
    void runWhenTokensCycleThenEveryRequestIsAnsweredWithTheMemberAndNoApiCall() throws Exception {
        server.emulator().requestLog().clear();
        LoadGenerator generator = new LoadGenerator(new HttpLoadSettings(SHORT, Duration.ZERO, 2, 1));

        LoadMeasurement measurement = generator.run(Scenario.NEW_JWT, server.target(Scenario.NEW_JWT));

        assertThat(measurement.requests()).isPositive();
        // the filter's first key set and project policy (whose roles become container roles) are fetched once
        assertThat(server.emulator().requestLog().requests()).filteredOn(call -> !call.path().startsWith("/v1/b2b/sessions/jwks/")
                && !call.path().equals("/v1/b2b/rbac/policy")).isEmpty();
    }

    @Test
    void runWhenScenarioFixesItsConnectionsThenEachOfThemMeasuresAndOneExpiredJwtCostsOneCall() throws Exception {
        LoadGenerator generator = new LoadGenerator(new HttpLoadSettings(Duration.ofNanos(1), Duration.ZERO, 2, 1));
        // the probe makes the filter's first key-set and policy fetches
        generator.probe(Scenario.EXPIRED_JWT, server.target(Scenario.EXPIRED_JWT));
        Target target = server.target(Scenario.EXPIRED_JWT);
        server.emulator().requestLog().clear();

        LoadMeasurement measurement = generator.run(Scenario.EXPIRED_JWT, target);

        // every worker completes at least one measured request, so more than the settings' 2 ran
        assertThat(measurement.requests()).isGreaterThanOrEqualTo(Scenario.EXPIRED_JWT_CONNECTIONS);
        assertThat(HttpLoadReport.checkStytchCalls(Scenario.EXPIRED_JWT, target.credentials(),
                server.emulator().requestLog().requests())).isOne();
    }

    @Test
    void runWhenRandomOpaqueCookiesThenEveryAnswerIsTheExpected401AndNoTokenIsCheckedTwice() throws Exception {
        LoadGenerator generator = new LoadGenerator(new HttpLoadSettings(SHORT, Duration.ZERO, 2, 1));
        // the probe makes the filter's first key-set and policy fetches
        generator.probe(Scenario.RANDOM_OPAQUE_COOKIES, server.target(Scenario.RANDOM_OPAQUE_COOKIES));
        Target target = server.target(Scenario.RANDOM_OPAQUE_COOKIES);
        server.emulator().requestLog().clear();

        LoadMeasurement measurement = generator.run(Scenario.RANDOM_OPAQUE_COOKIES, target);

        assertThat(target.expectedStatus()).isEqualTo(401);
        assertThat(target.expectedBody()).contains(HttpLoadServer.SESSION_NOT_FOUND_CODE);
        assertThat(target.credentials()).isEqualTo(HttpLoadServer.RANDOM_TOKEN_POOL_SIZE);
        assertThat(HttpLoadReport.checkStytchCalls(Scenario.RANDOM_OPAQUE_COOKIES, target.credentials(),
                server.emulator().requestLog().requests())).isPositive().isLessThanOrEqualTo(measurement.requests());
    }

    @Test
    void runWhenOpaqueTokensCachedThenANewSessionsTokenCostsOneCall() throws Exception {
        LoadGenerator generator = new LoadGenerator(new HttpLoadSettings(SHORT, Duration.ZERO, 2, 1));
        // the probe makes the filter's first key-set and policy fetches
        generator.probe(Scenario.CACHED_OPAQUE_TOKEN, server.target(Scenario.CACHED_OPAQUE_TOKEN));
        Target target = server.target(Scenario.CACHED_OPAQUE_TOKEN);
        server.emulator().requestLog().clear();

        generator.run(Scenario.CACHED_OPAQUE_TOKEN, target);

        assertThat(HttpLoadReport.checkStytchCalls(Scenario.CACHED_OPAQUE_TOKEN, target.credentials(),
                server.emulator().requestLog().requests())).isOne();
    }

    private static String bearerOf(HttpRequest request) {
        return request.headers().firstValue("Authorization").orElseThrow().substring("Bearer ".length());
    }
}
