package io.github.stytchjakarta.benchmarks.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The results of an {@link HttpLoadReport} run as a markdown table: per scenario the median over its rounds of
 * the throughput and of the latency percentiles, the ratios of those medians to the
 * {@link Scenario#BASELINE} medians of the same run, and the Stytch calls of each round. The load generator shares
 * the machine with the server, so only ratios mean something, and they are reported, not judged, with one
 * exception: the {@link StytchHungCheck}, when both of its scenarios were measured.
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpLoadTable {

    private static final double NANOS_PER_MICRO = 1_000;

    private final List<Row> rows;
    private final Optional<StytchHungCheck> stytchHung;
    private final String setting;

    private HttpLoadTable(List<Row> rows, Optional<StytchHungCheck> stytchHung, String setting) {
        this.rows = List.copyOf(rows);
        this.stytchHung = stytchHung;
        this.setting = setting;
    }

    /**
     * Builds the table.
     *
     * @param measurements every round of every scenario, each scenario's rounds in run order
     * @param setting      a line describing the run and the machine, printed under the table
     * @return the table, with a row per measured scenario in {@link Scenario} order
     */
    public static HttpLoadTable of(List<LoadMeasurement> measurements, String setting) {
        Map<Scenario, List<LoadMeasurement>> byScenario = measurements.stream()
                .collect(Collectors.groupingBy(LoadMeasurement::scenario, () -> new EnumMap<>(Scenario.class),
                        Collectors.toList()));
        List<LoadMeasurement> baseline = byScenario.get(Scenario.BASELINE);
        double baselineThroughput = baseline == null ? Double.NaN : median(baseline, LoadMeasurement::throughput);
        double baselineP50 = baseline == null ? Double.NaN : median(baseline, LoadMeasurement::p50Nanos);
        double baselineP99 = baseline == null ? Double.NaN : median(baseline, LoadMeasurement::p99Nanos);
        List<Row> rows = new ArrayList<>();
        byScenario.forEach((scenario, rounds) -> {
            double throughput = median(rounds, LoadMeasurement::throughput);
            double p50 = median(rounds, LoadMeasurement::p50Nanos);
            double p99 = median(rounds, LoadMeasurement::p99Nanos);
            rows.add(new Row(scenario, throughput, rounds.stream().map(LoadMeasurement::throughput).toList(),
                    throughput / baselineThroughput, p50 / NANOS_PER_MICRO,
                    median(rounds, LoadMeasurement::p90Nanos) / NANOS_PER_MICRO, p99 / NANOS_PER_MICRO,
                    p50 / baselineP50, p99 / baselineP99, rounds.stream().mapToLong(LoadMeasurement::requests).sum(),
                    rounds.stream().map(LoadMeasurement::stytchCalls).toList()));
        });
        Optional<StytchHungCheck> stytchHung = byScenario.containsKey(Scenario.CACHED_JWT)
                && byScenario.containsKey(Scenario.STYTCH_HUNG)
                ? Optional.of(StytchHungCheck.of(byScenario.get(Scenario.CACHED_JWT), byScenario.get(Scenario.STYTCH_HUNG)))
                : Optional.empty();
        return new HttpLoadTable(rows, stytchHung, Objects.requireNonNull(setting, "setting"));
    }

    /** @return the rows, in {@link Scenario} order */
    public List<Row> rows() {
        return rows;
    }

    /** @return the check of the cached JWT while Stytch hangs, when both scenarios were measured */
    public Optional<StytchHungCheck> stytchHung() {
        return stytchHung;
    }

    /**
     * @return the table in GitHub-flavoured markdown, followed by the {@link StytchHungCheck} when there is one and
     *         a line describing the run
     */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | requests/s | per round | × baseline | p50 µs | p90 µs | p99 µs | p50 × baseline"
                + " | p99 × baseline | requests | Stytch calls per round |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append("| ").append(row.scenario().label())
                    .append(" | ").append(format("%.0f", row.throughput()))
                    .append(" | ").append(row.roundThroughputs().stream().map(value -> format("%.0f", value))
                            .collect(Collectors.joining(" / ")))
                    .append(" | ").append(format("%.3f", row.throughputRatio()))
                    .append(" | ").append(format("%.0f", row.p50Micros()))
                    .append(" | ").append(format("%.0f", row.p90Micros()))
                    .append(" | ").append(format("%.0f", row.p99Micros()))
                    .append(" | ").append(format("%.3f", row.p50Ratio()))
                    .append(" | ").append(format("%.3f", row.p99Ratio()))
                    .append(" | ").append(row.requests())
                    .append(" | ").append(row.roundStytchCalls().stream().map(String::valueOf).collect(Collectors.joining(" / ")))
                    .append(" |\n");
        }
        stytchHung.ifPresent(check -> out.append('\n').append(check.describe()).append('\n'));
        out.append('\n').append(setting).append('\n');
        return out.toString();
    }

    @Override
    public String toString() {
        return toMarkdown();
    }

    private static double median(List<LoadMeasurement> rounds, ToDoubleFunction<LoadMeasurement> metric) {
        return median(rounds.stream().mapToDouble(metric).toArray());
    }

    // the middle value, or the mean of the two middle ones
    static double median(double[] unsorted) {
        double[] values = unsorted.clone();
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String format(String pattern, double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, pattern, value);
    }

    /**
     * One scenario's medians over its rounds.
     *
     * @param scenario         the scenario
     * @param throughput       median requests per second
     * @param roundThroughputs requests per second of each round, in run order
     * @param throughputRatio  {@code throughput} divided by the baseline's ({@code NaN} without a baseline)
     * @param p50Micros        median of the rounds' median latencies, µs
     * @param p90Micros        median of the rounds' 90th percentiles, µs
     * @param p99Micros        median of the rounds' 99th percentiles, µs
     * @param p50Ratio         {@code p50Micros} divided by the baseline's
     * @param p99Ratio         {@code p99Micros} divided by the baseline's
     * @param requests         measured requests over all rounds
     * @param roundStytchCalls {@code sessions/authenticate} calls of each round, in run order
     */
    public record Row(Scenario scenario, double throughput, List<Double> roundThroughputs, double throughputRatio,
            double p50Micros, double p90Micros, double p99Micros, double p50Ratio, double p99Ratio, long requests,
            List<Long> roundStytchCalls) {

        /** Requires the scenario and copies the lists. */
        public Row {
            Objects.requireNonNull(scenario, "scenario");
            roundThroughputs = List.copyOf(roundThroughputs);
            roundStytchCalls = List.copyOf(roundStytchCalls);
        }
    }
}
