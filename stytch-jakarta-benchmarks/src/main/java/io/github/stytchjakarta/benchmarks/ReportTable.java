package io.github.stytchjakarta.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The results of {@link SessionVerificationBenchmark} and {@link AccessTokenVerificationBenchmark} as a markdown
 * table: per benchmark the mean time
 * per operation with its error, the ratio to the baseline {@value #BASELINE} measured in the same run,
 * the target and whether the mean meets it. Speed is judged only as a ratio to a baseline of the same
 * run (the RBAC and scope checks, far below any baseline, against an absolute bound), never by a timed test.
 * Access tokens have the session JWT's targets: cold at most {@value #COLD_MAX_RATIO}× the baseline (there is no
 * SDK reference in the run), cached at most {@value #WARM_MAX_RATIO}×, a permission check at most
 * {@value #RBAC_MAX_MICROS} µs.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReportTable {

    /** The baseline: raw JCA {@code SHA256withRSA} verification. */
    public static final String BASELINE = "jcaVerify";

    /** Our verification of a token never seen before. */
    public static final String COLD = "ourColdVerify";

    /** Our verification of a token verified before (cache hit). */
    public static final String WARM = "ourWarmVerify";

    /** The official SDK's local verification, the reference for {@value #COLD}. */
    public static final String SDK = "sdkLocalVerify";

    /** One RBAC check. */
    public static final String RBAC = "rbacCheck";

    /** Our verification of an M2M access token never seen before. */
    public static final String M2M_COLD = "m2mColdVerify";

    /** Our verification of an M2M access token verified before (cache hit). */
    public static final String M2M_WARM = "m2mWarmVerify";

    /** Our verification of a Connected-App access token never seen before. */
    public static final String APP_COLD = "appColdVerify";

    /** Our verification of a Connected-App access token verified before (cache hit). */
    public static final String APP_WARM = "appWarmVerify";

    /** One permission check of a Connected-App caller, from the policy's scopes. */
    public static final String APP_SCOPE_CHECK = "appScopeCheck";

    /** The filter's unverified look at a bearer token's kind, paid on top of its verification when access tokens are on. */
    public static final String PEEK = "tokenKindPeek";

    /** The benchmarks in table order: the session rows, then the access-token rows. */
    public static final List<String> BENCHMARKS = List.of(BASELINE, COLD, WARM, SDK, RBAC,
            M2M_COLD, M2M_WARM, APP_COLD, APP_WARM, APP_SCOPE_CHECK, PEEK);

    /**
     * Target: {@value #COLD} (and no more than {@value #SDK}), {@value #M2M_COLD} and {@value #APP_COLD} cost at most
     * this multiple of {@value #BASELINE}.
     */
    public static final double COLD_MAX_RATIO = 1.15;

    /** Target: {@value #WARM}, {@value #M2M_WARM} and {@value #APP_WARM} cost at most this multiple of {@value #BASELINE}. */
    public static final double WARM_MAX_RATIO = 0.05;

    /** Target: {@value #RBAC} and {@value #APP_SCOPE_CHECK} cost at most this many microseconds. */
    public static final double RBAC_MAX_MICROS = 1.0;

    /** The score unit every result must have. */
    public static final String UNIT = "us/op";

    private final List<Row> rows;
    private final String setting;

    private ReportTable(List<Row> rows, String setting) {
        this.rows = List.copyOf(rows);
        this.setting = setting;
    }

    /**
     * Builds the table from a run.
     *
     * @param results the JMH results, average time in {@value #UNIT}, at most one per benchmark
     * @return the table, with a row for each benchmark that has a result
     * @throws IllegalArgumentException when a result has another unit or a benchmark appears twice
     *                                  (e.g. several {@code tokenPoolSize} values in one run)
     */
    public static ReportTable of(Collection<RunResult> results) {
        List<Measurement> measurements = new ArrayList<>();
        BenchmarkParams params = null;
        for (RunResult result : results) {
            params = result.getParams();
            Result<?> primary = result.getPrimaryResult();
            String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            if (!UNIT.equals(primary.getScoreUnit())) {
                throw new IllegalArgumentException(name + " is in " + primary.getScoreUnit() + ", not " + UNIT);
            }
            measurements.add(new Measurement(name, primary.getScore(), primary.getScoreError()));
        }
        return of(measurements, params == null ? "No results." : describe(params));
    }

    /**
     * Builds the table from measurements.
     *
     * @param measurements at most one per benchmark
     * @param setting      a line describing the run, printed under the table
     * @return the table, with a row for each measured benchmark: {@link #BENCHMARKS} first, in order
     * @throws IllegalArgumentException when a benchmark appears twice (e.g. several
     *                                  {@code tokenPoolSize} values in one run)
     */
    public static ReportTable of(List<Measurement> measurements, String setting) {
        Map<String, Measurement> byName = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            if (byName.put(measurement.benchmark(), measurement) != null) {
                throw new IllegalArgumentException(measurement.benchmark()
                        + " has several results; run one parameter set at a time");
            }
        }
        List<String> order = new ArrayList<>(BENCHMARKS);
        byName.keySet().stream().filter(name -> !BENCHMARKS.contains(name)).forEach(order::add);
        Measurement baseline = byName.get(BASELINE);
        List<Row> rows = new ArrayList<>();
        for (String name : order) {
            Measurement measurement = byName.get(name);
            if (measurement != null) {
                rows.add(new Row(name, measurement.micros(), measurement.error(),
                        baseline == null ? Double.NaN : measurement.micros() / baseline.micros(), target(name),
                        verdict(measurement, byName)));
            }
        }
        return new ReportTable(rows, Objects.requireNonNull(setting, "setting"));
    }

    /** @return the rows, in table order */
    public List<Row> rows() {
        return rows;
    }

    /** @return the table in GitHub-flavoured markdown, followed by a line describing the run */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | µs/op ± error | × ").append(BASELINE).append(" | target | result |\n");
        out.append("|---|---:|---:|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.benchmark())
                    .append(" | ").append(format("%.3f", row.micros())).append(" ± ").append(format("%.3f", row.error()))
                    .append(" | ").append(format("%.3f", row.ratio()))
                    .append(" | ").append(row.target())
                    .append(" | ").append(row.verdict().label())
                    .append(" |\n");
        }
        out.append('\n').append(setting).append('\n');
        return out.toString();
    }

    @Override
    public String toString() {
        return toMarkdown();
    }

    private static String target(String name) {
        return switch (name) {
            case BASELINE -> "baseline";
            case COLD -> "≤ " + COLD_MAX_RATIO + "× " + BASELINE + ", ≤ " + SDK;
            case M2M_COLD, APP_COLD -> "≤ " + COLD_MAX_RATIO + "× " + BASELINE;
            case WARM, M2M_WARM, APP_WARM -> "≤ " + WARM_MAX_RATIO + "× " + BASELINE;
            case SDK -> "reference";
            case PEEK -> "informative";
            case RBAC, APP_SCOPE_CHECK -> "≤ " + RBAC_MAX_MICROS + " µs";
            default -> "none";
        };
    }

    private static Verdict verdict(Measurement measurement, Map<String, Measurement> byName) {
        double micros = measurement.micros();
        Measurement baseline = byName.get(BASELINE);
        Measurement sdk = byName.get(SDK);
        return switch (measurement.benchmark()) {
            case COLD -> baseline == null || sdk == null ? Verdict.UNKNOWN
                    : Verdict.of(micros <= COLD_MAX_RATIO * baseline.micros() && micros <= sdk.micros());
            case M2M_COLD, APP_COLD -> baseline == null ? Verdict.UNKNOWN
                    : Verdict.of(micros <= COLD_MAX_RATIO * baseline.micros());
            case WARM, M2M_WARM, APP_WARM -> baseline == null ? Verdict.UNKNOWN
                    : Verdict.of(micros <= WARM_MAX_RATIO * baseline.micros());
            case RBAC, APP_SCOPE_CHECK -> Verdict.of(micros <= RBAC_MAX_MICROS);
            default -> Verdict.NO_TARGET;
        };
    }

    private static String describe(BenchmarkParams params) {
        return format("JMH %s, JDK %s (%s %s), %d CPUs; %d fork(s), %d × %s warmup, %d × %s measurement, "
                        + "%d thread(s); tokenPoolSize=%s; error = half-width of the 99.9%% confidence interval; "
                        + "ratios and results from the means.",
                params.getJmhVersion(), params.getJdkVersion(), params.getVmName(), params.getVmVersion(),
                Runtime.getRuntime().availableProcessors(), params.getForks(), params.getWarmup().getCount(),
                params.getWarmup().getTime(), params.getMeasurement().getCount(), params.getMeasurement().getTime(),
                params.getThreads(), params.getParam(SessionVerificationBenchmark.TOKEN_POOL_SIZE));
    }

    private static String format(String pattern, Object... values) {
        String text = String.format(Locale.ROOT, pattern, values);
        return text.equals("NaN") ? "n/a" : text;
    }

    /**
     * One benchmark's score.
     *
     * @param benchmark the benchmark method
     * @param micros    mean microseconds per operation
     * @param error     half-width of the 99.9% confidence interval ({@code NaN} after a single iteration)
     */
    public record Measurement(String benchmark, double micros, double error) {

        /** Requires the name. */
        public Measurement {
            Objects.requireNonNull(benchmark, "benchmark");
        }
    }

    /**
     * One row of the table.
     *
     * @param benchmark the benchmark method
     * @param micros    mean microseconds per operation
     * @param error     half-width of the 99.9% confidence interval ({@code NaN} after a single iteration)
     * @param ratio     {@code micros} divided by the baseline's ({@code NaN} without a baseline)
     * @param target    the target, in words
     * @param verdict   whether the mean meets the target
     */
    public record Row(String benchmark, double micros, double error, double ratio, String target, Verdict verdict) {

        /** Requires the texts. */
        public Row {
            Objects.requireNonNull(benchmark, "benchmark");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /** Whether a result meets its target. */
    public enum Verdict {
        /** The mean meets the target. */
        PASS("pass"),
        /** The mean misses the target. */
        FAIL("**FAIL**"),
        /** A benchmark the target compares with did not run. */
        UNKNOWN("unknown"),
        /** A baseline or reference, with no target of its own. */
        NO_TARGET("—");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        static Verdict of(boolean met) {
            return met ? PASS : FAIL;
        }

        /** @return how the verdict is shown in the table */
        public String label() {
            return label;
        }
    }
}
