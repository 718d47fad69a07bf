package io.github.stytchjakarta.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.stytchjakarta.benchmarks.http.HttpLoadTable.Row;
import io.github.stytchjakarta.testkit.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the whole HTTP load benchmark with tiny durations (a few hundred requests per scenario), and
 * the checks of the emulator's request log. Nothing about speed is asserted: the Stytch-hung check is present,
 * its verdict is not asserted.
 */
class HttpLoadReportTest {

    private static final HttpLoadSettings TINY = new HttpLoadSettings(Duration.ofMillis(200), Duration.ofMillis(50), 2, 2);

    @TempDir
    Path directory;

    @Test
    void runWhenEveryScenarioRunsBrieflyThenEveryRowIsMeasuredFromExpectedAnswersAndCallsWithinItsBudget() throws Exception {
        HttpLoadTable table = HttpLoadReport.run(TINY);

        assertThat(table.rows()).extracting(Row::scenario).containsExactly(Scenario.values());
        assertThat(table.rows()).allSatisfy(row -> {
            assertThat(row.requests()).isGreaterThanOrEqualTo((long) TINY.rounds() * TINY.connections());
            assertThat(row.roundThroughputs()).hasSize(TINY.rounds());
            assertThat(row.throughput()).isPositive().isFinite();
            assertThat(row.p50Micros()).isPositive().isLessThanOrEqualTo(row.p90Micros());
            assertThat(row.p90Micros()).isLessThanOrEqualTo(row.p99Micros());
            assertThat(row.throughputRatio()).isPositive().isFinite();
        });
        assertThat(table.rows().get(0).throughputRatio()).isEqualTo(1.0);
        Path file = HttpLoadReport.write(table, directory);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).filteredOn(line -> line.startsWith("| ")).hasSize(1 + Scenario.values().length);
        for (Scenario scenario : Scenario.values()) {
            assertThat(lines).anyMatch(line -> line.startsWith("| " + scenario.label() + " | "));
        }
        assertThat(lines).anyMatch(line -> line.contains("CPUs") && line.contains("Jetty 12."));
        assertThat(lines).anyMatch(line -> line.startsWith("Stytch hung: "));

        Map<Scenario, Row> rows = table.rows().stream().collect(Collectors.toMap(Row::scenario, row -> row));
        for (Scenario scenario : List.of(Scenario.BASELINE, Scenario.CACHED_JWT, Scenario.STYTCH_HUNG, Scenario.NEW_JWT)) {
            assertThat(rows.get(scenario).roundStytchCalls()).as(scenario.label()).containsOnly(0L);
        }
        // a new credential per run: exactly one call each, whatever the number of requests
        assertThat(rows.get(Scenario.EXPIRED_JWT).roundStytchCalls()).containsExactly(1L, 1L);
        assertThat(rows.get(Scenario.CACHED_OPAQUE_TOKEN).roundStytchCalls()).containsExactly(1L, 1L);
        assertThat(rows.get(Scenario.RANDOM_OPAQUE_COOKIES).roundStytchCalls()).hasSize(TINY.rounds())
                .allSatisfy(calls -> assertThat(calls).isBetween(1L, (long) HttpLoadServer.RANDOM_TOKEN_POOL_SIZE));
        assertThat(rows.get(Scenario.OPAQUE_TOKEN).roundStytchCalls()).allSatisfy(calls -> assertThat(calls).isPositive());
        assertThat(table.stytchHung()).hasValueSatisfying(check -> assertThat(check.roundRatios()).hasSize(TINY.rounds()));
    }

    @Test
    void checkStytchCallsWhenLocalScenarioCalledTheApiThenFails() {
        for (Scenario scenario : List.of(Scenario.BASELINE, Scenario.BASELINE_WITH_JWT_COOKIE, Scenario.CACHED_JWT,
                Scenario.STYTCH_HUNG, Scenario.NEW_JWT)) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> HttpLoadReport.checkStytchCalls(scenario, 1, List.of(jwksFetch())))
                    .withMessageContaining(scenario.label()).withMessageContaining("/v1/b2b/sessions/jwks/");
        }
    }

    @Test
    void checkStytchCallsWhenLocalScenarioCalledNothingThenPasses() {
        assertThat(HttpLoadReport.checkStytchCalls(Scenario.NEW_JWT, 256, List.of())).isZero();
    }

    @Test
    void checkStytchCallsWhenOpaqueScenarioMadeNoCallThenFails() {
        assertThatIllegalStateException()
                .isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.OPAQUE_TOKEN, 1, List.of()))
                .withMessageContaining(HttpLoadReport.SESSIONS_AUTHENTICATE);
    }

    @Test
    void checkStytchCallsWhenOpaqueScenarioMadeAnotherCallThenFails() {
        assertThatIllegalStateException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.OPAQUE_TOKEN, 1,
                List.of(sessionCheck(200), jwksFetch()))).withMessageContaining("/v1/b2b/sessions/jwks/");
        assertThatIllegalStateException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.OPAQUE_TOKEN, 1,
                List.of(sessionCheck(404)))).withMessageContaining("404");
    }

    @Test
    void checkStytchCallsWhenOpaqueScenarioOnlyCheckedSessionsThenReturnsEveryCall() {
        assertThat(HttpLoadReport.checkStytchCalls(Scenario.OPAQUE_TOKEN, 1, List.of(sessionCheck(200), sessionCheck(200))))
                .isEqualTo(2);
    }

    @Test
    void checkStytchCallsWhenExpiredJwtCheckedTwiceThenFails() {
        assertThatIllegalStateException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.EXPIRED_JWT, 1,
                List.of(sessionCheck(200, "jwt-1"), sessionCheck(200, "jwt-1"))))
                .withMessageContaining(Scenario.EXPIRED_JWT.label()).withMessageContaining("2 calls")
                .withMessageContaining("1 distinct credentials").withMessageNotContaining("jwt-1");
    }

    @Test
    void checkStytchCallsWhenExpiredJwtCheckedOnceThenReturnsOne() {
        assertThat(HttpLoadReport.checkStytchCalls(Scenario.EXPIRED_JWT, 1, List.of(sessionCheck(200, "jwt-1")))).isOne();
    }

    @Test
    void checkStytchCallsWhenCachedOpaqueTokenOrExpiredJwtMadeNoCallThenFails() {
        for (Scenario scenario : List.of(Scenario.CACHED_OPAQUE_TOKEN, Scenario.EXPIRED_JWT)) {
            assertThatIllegalStateException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(scenario, 1, List.of()))
                    .withMessageContaining(scenario.label()).withMessageContaining("no call");
        }
    }

    @Test
    void checkStytchCallsWhenCachedOpaqueTokenCheckedAgainThenFails() {
        assertThatIllegalStateException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.CACHED_OPAQUE_TOKEN, 1,
                List.of(sessionCheck(200, "token-1"), sessionCheck(200, "token-1")))).withMessageContaining("2 calls");
    }

    @Test
    void checkStytchCallsWhenRandomCookieRefusedTwiceThenFailsWithoutShowingIt() {
        assertThatIllegalStateException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.RANDOM_OPAQUE_COOKIES,
                1_000, List.of(sessionCheck(404, "token-1"), sessionCheck(404, "token-2"), sessionCheck(404, "token-1"))))
                .withMessageContaining("3 calls").withMessageContaining("2 distinct credentials")
                .withMessageContaining("more than once").withMessageNotContaining("token-1");
    }

    @Test
    void checkStytchCallsWhenRandomCookiesOutnumberCredentialsThenFails() {
        assertThatIllegalStateException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.RANDOM_OPAQUE_COOKIES,
                2, List.of(sessionCheck(404, "token-1"), sessionCheck(404, "token-2"), sessionCheck(404, "token-3"))))
                .withMessageContaining("3 calls").withMessageContaining("for 2 distinct credentials");
    }

    @Test
    void checkStytchCallsWhenRandomCookieAcceptedThenFails() {
        assertThatIllegalStateException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.RANDOM_OPAQUE_COOKIES,
                1_000, List.of(sessionCheck(404, "token-1"), sessionCheck(200, "token-2"))))
                .withMessageContaining("-> 200").withMessageContaining("expected " + HttpLoadReport.SESSIONS_AUTHENTICATE + " -> 404");
    }

    @Test
    void checkStytchCallsWhenRandomCookiesEachRefusedOnceThenReturnsTheCalls() {
        assertThat(HttpLoadReport.checkStytchCalls(Scenario.RANDOM_OPAQUE_COOKIES, 1_000,
                List.of(sessionCheck(404, "token-1"), sessionCheck(404, "token-2"), sessionCheck(404, "token-3"))))
                .isEqualTo(3);
    }

    private static RecordedRequest jwksFetch() {
        return new RecordedRequest("GET", "/v1/b2b/sessions/jwks/project-test", null, Map.of(), "", true, 200);
    }

    private static RecordedRequest sessionCheck(int status) {
        return sessionCheck(status, "token");
    }

    // the body names the credential, as the filter's calls do
    private static RecordedRequest sessionCheck(int status, String credential) {
        return new RecordedRequest("POST", HttpLoadReport.SESSIONS_AUTHENTICATE, null, Map.of(),
                "{\"session_token\":\"" + credential + "\"}", true, status);
    }
}
