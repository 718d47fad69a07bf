package io.github.stytchjakarta.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Percentiles and throughput of one run. */
class LoadMeasurementTest {

    @Test
    void ofWhenHundredLatenciesUnsortedThenNearestRankPercentiles() {
        long[] latencies = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();

        LoadMeasurement measurement = LoadMeasurement.of(Scenario.BASELINE, latencies, Duration.ofSeconds(2));

        assertThat(measurement.requests()).isEqualTo(100);
        assertThat(measurement.p50Nanos()).isEqualTo(50);
        assertThat(measurement.p90Nanos()).isEqualTo(90);
        assertThat(measurement.p99Nanos()).isEqualTo(99);
        assertThat(measurement.throughput()).isEqualTo(50.0);
    }

    @Test
    void ofWhenOneLatencyThenEveryPercentileIsIt() {
        LoadMeasurement measurement = LoadMeasurement.of(Scenario.NEW_JWT, new long[] {7}, Duration.ofMillis(1));

        assertThat(measurement.p50Nanos()).isEqualTo(7);
        assertThat(measurement.p99Nanos()).isEqualTo(7);
        assertThat(measurement.throughput()).isEqualTo(1000.0);
    }

    @Test
    void percentileWhenFewValuesThenRoundsTheRankUp() {
        long[] sorted = {10, 20, 30};

        assertThat(LoadMeasurement.percentile(sorted, 1)).isEqualTo(10);
        assertThat(LoadMeasurement.percentile(sorted, 34)).isEqualTo(20);
        assertThat(LoadMeasurement.percentile(sorted, 67)).isEqualTo(30);
        assertThat(LoadMeasurement.percentile(sorted, 100)).isEqualTo(30);
    }

    @Test
    void ofWhenNoLatenciesThenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoadMeasurement.of(Scenario.BASELINE, new long[0], Duration.ofSeconds(1)));
    }
}
