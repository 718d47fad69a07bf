package io.github.stytchjakarta.benchmarks.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * One measured run of one scenario: how many requests completed, over how long, the latency
 * percentiles of all of them, and how many session checks the filters asked Stytch for during the run.
 * Immutable and thread-safe.
 *
 * @param scenario the scenario
 * @param requests measured requests, every one answered as expected; positive
 * @param elapsed  from the start of the measurement to the end of its last request; positive
 * @param p50Nanos median latency
 * @param p90Nanos 90th percentile latency
 * @param p99Nanos 99th percentile latency
 * @param stytchCalls {@code sessions/authenticate} calls the emulator answered during the run (warm-up included);
 *                    zero or more
 */
public record LoadMeasurement(Scenario scenario, long requests, Duration elapsed, long p50Nanos, long p90Nanos,
        long p99Nanos, long stytchCalls) {

    /** Checks the values. */
    public LoadMeasurement {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(elapsed, "elapsed");
        if (requests < 1 || elapsed.isNegative() || elapsed.isZero()) {
            throw new IllegalArgumentException("a measurement needs requests and time");
        }
        if (stytchCalls < 0) {
            throw new IllegalArgumentException("a measurement cannot have made fewer than no calls");
        }
    }

    /**
     * Summarises latencies, with no Stytch calls counted yet.
     *
     * @param scenario       the scenario
     * @param latencyNanos   the latency of every measured request, in any order (sorted in place); not empty
     * @param elapsed        from the start of the measurement to the end of its last request
     * @return the measurement
     */
    public static LoadMeasurement of(Scenario scenario, long[] latencyNanos, Duration elapsed) {
        Arrays.sort(latencyNanos);
        return new LoadMeasurement(scenario, latencyNanos.length, elapsed, percentile(latencyNanos, 50),
                percentile(latencyNanos, 90), percentile(latencyNanos, 99), 0);
    }

    /**
     * @param calls the {@code sessions/authenticate} calls of the run; zero or more
     * @return this measurement with those calls
     */
    public LoadMeasurement withStytchCalls(long calls) {
        return new LoadMeasurement(scenario, requests, elapsed, p50Nanos, p90Nanos, p99Nanos, calls);
    }

    /** @return completed requests per second */
    public double throughput() {
        return requests / (elapsed.toNanos() / 1e9);
    }

    /**
     * The nearest-rank percentile: the smallest value that at least {@code percent} % of the values do not
     * exceed (integer arithmetic, so that 99 % of 100 values is the 99th, not the 100th).
     *
     * @param sorted  values in ascending order; not empty
     * @param percent 1 to 100
     * @return the percentile
     */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0 || percent < 1 || percent > 100) {
            throw new IllegalArgumentException("a percentile needs values and a percentage from 1 to 100");
        }
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) rank - 1];
    }
}
