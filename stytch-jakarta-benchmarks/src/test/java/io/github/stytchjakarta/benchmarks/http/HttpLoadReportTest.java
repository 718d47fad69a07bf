package io.github.stytchjakarta.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.github.stytchjakarta.benchmarks.http.HttpLoadTable.Row;
import io.github.stytchjakarta.testkit.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the whole HTTP load benchmark with tiny durations (a few hundred requests per scenario), and
 * the check of the emulator's request log. Nothing about speed is asserted.
 */
class HttpLoadReportTest {

    private static final HttpLoadSettings TINY = new HttpLoadSettings(Duration.ofMillis(200), Duration.ofMillis(50), 2, 2);

    @TempDir
    Path directory;

    @Test
    void runWhenEveryScenarioRunsBrieflyThenEveryRowIsMeasuredFromExpectedAnswersOnly() throws Exception {
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
    }

    @Test
    void checkStytchCallsWhenLocalScenarioCalledTheApiThenFails() {
        for (Scenario scenario : List.of(Scenario.BASELINE, Scenario.BASELINE_WITH_JWT_COOKIE, Scenario.CACHED_JWT,
                Scenario.NEW_JWT)) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> HttpLoadReport.checkStytchCalls(scenario, List.of(jwksFetch())))
                    .withMessageContaining(scenario.label()).withMessageContaining("/v1/b2b/sessions/jwks/");
        }
    }

    @Test
    void checkStytchCallsWhenLocalScenarioCalledNothingThenPasses() {
        assertThatNoException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.NEW_JWT, List.of()));
    }

    @Test
    void checkStytchCallsWhenOpaqueScenarioMadeNoCallThenFails() {
        assertThatIllegalStateException()
                .isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.OPAQUE_TOKEN, List.of()))
                .withMessageContaining(HttpLoadReport.SESSIONS_AUTHENTICATE);
    }

    @Test
    void checkStytchCallsWhenOpaqueScenarioMadeAnotherCallThenFails() {
        assertThatIllegalStateException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.OPAQUE_TOKEN,
                List.of(sessionCheck(200), jwksFetch()))).withMessageContaining("/v1/b2b/sessions/jwks/");
        assertThatIllegalStateException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.OPAQUE_TOKEN,
                List.of(sessionCheck(404)))).withMessageContaining("404");
    }

    @Test
    void checkStytchCallsWhenOpaqueScenarioOnlyCheckedSessionsThenPasses() {
        assertThatNoException().isThrownBy(() -> HttpLoadReport.checkStytchCalls(Scenario.OPAQUE_TOKEN,
                List.of(sessionCheck(200), sessionCheck(200))));
    }

    private static RecordedRequest jwksFetch() {
        return new RecordedRequest("GET", "/v1/b2b/sessions/jwks/project-test", null, Map.of(), "", true, 200);
    }

    private static RecordedRequest sessionCheck(int status) {
        return new RecordedRequest("POST", HttpLoadReport.SESSIONS_AUTHENTICATE, null, Map.of(), "{}", true, status);
    }
}
