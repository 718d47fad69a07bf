package io.github.stytchjakarta.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.benchmarks.http.HttpLoadTable.Row;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's medians, ratios and rendering, on given measurements. */
class HttpLoadTableTest {

    private static final String SETTING = "test run";

    @Test
    void ofWhenThreeRoundsThenMediansAndRatiosOfMedians() {
        HttpLoadTable table = HttpLoadTable.of(List.of(
                measurement(Scenario.BASELINE, 10_000, 100_000, 200_000, 400_000),
                measurement(Scenario.CACHED_JWT, 9_000, 110_000, 220_000, 500_000),
                measurement(Scenario.BASELINE, 12_000, 90_000, 180_000, 300_000),
                measurement(Scenario.CACHED_JWT, 6_000, 150_000, 300_000, 900_000),
                measurement(Scenario.BASELINE, 8_000, 120_000, 240_000, 800_000),
                measurement(Scenario.CACHED_JWT, 8_000, 120_000, 240_000, 600_000)), SETTING);

        assertThat(table.rows()).extracting(Row::scenario).containsExactly(Scenario.BASELINE, Scenario.CACHED_JWT);
        Row baseline = table.rows().get(0);
        assertThat(baseline.throughput()).isEqualTo(10_000.0);
        assertThat(baseline.roundThroughputs()).containsExactly(10_000.0, 12_000.0, 8_000.0);
        assertThat(baseline.p50Micros()).isEqualTo(100.0);
        assertThat(baseline.throughputRatio()).isEqualTo(1.0);
        Row cached = table.rows().get(1);
        assertThat(cached.throughput()).isEqualTo(8_000.0);
        assertThat(cached.throughputRatio()).isEqualTo(0.8);
        assertThat(cached.p50Micros()).isEqualTo(120.0);
        assertThat(cached.p90Micros()).isEqualTo(240.0);
        assertThat(cached.p99Micros()).isEqualTo(600.0);
        assertThat(cached.p50Ratio()).isEqualTo(1.2);
        assertThat(cached.p99Ratio()).isEqualTo(1.5);
        assertThat(cached.requests()).isEqualTo(9_000 + 6_000 + 8_000);
        assertThat(table.stytchHung()).isEmpty();
    }

    @Test
    void ofWhenTwoRoundsThenMedianIsTheMeanOfBoth() {
        HttpLoadTable table = HttpLoadTable.of(List.of(measurement(Scenario.NEW_JWT, 1_000, 100_000, 200_000, 300_000),
                measurement(Scenario.NEW_JWT, 3_000, 300_000, 400_000, 500_000)), SETTING);

        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.throughput()).isEqualTo(2_000.0);
            assertThat(row.p50Micros()).isEqualTo(200.0);
            assertThat(row.throughputRatio()).isNaN();
        });
    }

    @Test
    void toMarkdownWhenRenderedThenHeaderRowsInScenarioOrderAndSetting() {
        HttpLoadTable table = HttpLoadTable.of(List.of(
                measurement(Scenario.OPAQUE_TOKEN, 2_000, 1_000_000, 2_000_000, 4_000_000).withStytchCalls(2_000),
                measurement(Scenario.BASELINE, 10_000, 100_000, 200_000, 400_000)), SETTING);

        assertThat(table.toMarkdown()).isEqualTo("""
                | scenario | requests/s | per round | × baseline | p50 µs | p90 µs | p99 µs | p50 × baseline \
                | p99 × baseline | requests | Stytch calls per round |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                | baseline | 10000 | 10000 | 1.000 | 100 | 200 | 400 | 1.000 | 1.000 | 10000 | 0 |
                | filter, opaque session token | 2000 | 2000 | 0.200 | 1000 | 2000 | 4000 | 10.000 | 10.000 | 2000 | 2000 |

                test run
                """);
    }

    @Test
    void ofWhenRoundsMadeStytchCallsThenTheRowListsThemInRunOrder() {
        HttpLoadTable table = HttpLoadTable.of(List.of(
                measurement(Scenario.RANDOM_OPAQUE_COOKIES, 5_000, 100_000, 200_000, 300_000).withStytchCalls(1_000),
                measurement(Scenario.RANDOM_OPAQUE_COOKIES, 5_000, 100_000, 200_000, 300_000).withStytchCalls(987)), SETTING);

        assertThat(table.rows()).singleElement().satisfies(row -> assertThat(row.roundStytchCalls())
                .containsExactly(1_000L, 987L));
        assertThat(table.toMarkdown()).contains("| 10000 | 1000 / 987 |");
    }

    @Test
    void ofWhenCachedAndHungScenariosMeasuredThenComparesThemRoundByRound() {
        HttpLoadTable table = HttpLoadTable.of(List.of(
                measurement(Scenario.CACHED_JWT, 10_000, 100_000, 200_000, 300_000),
                measurement(Scenario.STYTCH_HUNG, 8_000, 100_000, 200_000, 300_000),
                measurement(Scenario.CACHED_JWT, 10_000, 100_000, 200_000, 300_000),
                measurement(Scenario.STYTCH_HUNG, 9_500, 100_000, 200_000, 300_000),
                measurement(Scenario.CACHED_JWT, 8_000, 100_000, 200_000, 300_000),
                measurement(Scenario.STYTCH_HUNG, 8_000, 100_000, 200_000, 300_000)), SETTING);

        assertThat(table.stytchHung()).hasValueSatisfying(check -> {
            assertThat(check.roundRatios()).containsExactly(0.8, 0.95, 1.0);
            assertThat(check.medianRatio()).isEqualTo(0.95);
            assertThat(check.passed()).isTrue();
        });
        assertThat(table.toMarkdown()).contains("\nStytch hung: ").contains("0.800 (below) / 0.950 / 1.000")
                .contains("median 0.950 (at least 0.9 required): pass.");
    }

    @Test
    void ofWhenHungScenarioSlowerThanNineTenthsInMostRoundsThenCheckFails() {
        HttpLoadTable table = HttpLoadTable.of(List.of(
                measurement(Scenario.CACHED_JWT, 10_000, 100_000, 200_000, 300_000),
                measurement(Scenario.STYTCH_HUNG, 8_900, 100_000, 200_000, 300_000),
                measurement(Scenario.CACHED_JWT, 10_000, 100_000, 200_000, 300_000),
                measurement(Scenario.STYTCH_HUNG, 10_000, 100_000, 200_000, 300_000),
                measurement(Scenario.CACHED_JWT, 10_000, 100_000, 200_000, 300_000),
                measurement(Scenario.STYTCH_HUNG, 5_000, 100_000, 200_000, 300_000)), SETTING);

        assertThat(table.stytchHung()).hasValueSatisfying(check -> {
            assertThat(check.medianRatio()).isEqualTo(0.89);
            assertThat(check.passed()).isFalse();
        });
        assertThat(table.toMarkdown()).contains("median 0.890 (at least 0.9 required): FAIL.");
    }

    // a one-second round of the given throughput
    private static LoadMeasurement measurement(Scenario scenario, long requests, long p50Nanos, long p90Nanos,
            long p99Nanos) {
        return new LoadMeasurement(scenario, requests, Duration.ofSeconds(1), p50Nanos, p90Nanos, p99Nanos, 0);
    }
}
