package io.github.stytchjakarta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.benchmarks.ReportTable.Row;
import io.github.stytchjakarta.benchmarks.ReportTable.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Smoke test of the whole report: JMH runs every benchmark in this JVM for one 100 ms iteration, and
 * the table has a measured row for each; and the report's options default as documented. Nothing
 * about speed is asserted.
 */
class BenchmarkReportTest {

    @TempDir
    Path directory;

    @Test
    void runWhenEveryBenchmarkRunsBrieflyThenTableHasAMeasuredRowForEach() throws Exception {
        Options options = new OptionsBuilder()
                .include(BenchmarkReport.include(SessionVerificationBenchmark.class))
                .include(BenchmarkReport.include(AccessTokenVerificationBenchmark.class))
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .param(SessionVerificationBenchmark.TOKEN_POOL_SIZE, "4")
                .shouldFailOnError(true)
                .build();

        ReportTable table = BenchmarkReport.run(options);

        assertThat(table.rows()).extracting(Row::benchmark).containsExactlyElementsOf(ReportTable.BENCHMARKS);
        assertThat(table.rows()).allSatisfy(row -> assertThat(row.micros()).isPositive().isFinite());
        assertThat(table.rows().get(0).ratio()).isEqualTo(1.0);
        assertThat(table.rows()).extracting(Row::verdict).doesNotContain(Verdict.UNKNOWN);
        Path file = BenchmarkReport.write(table, directory);
        assertThat(Files.readAllLines(file)).filteredOn(line -> line.startsWith("| ")).hasSize(1 + ReportTable.BENCHMARKS.size());
    }

    @Test
    void optionsWhenNoArgumentsThenTwoCoreDefaultsInMicroseconds() throws Exception {
        Options options = BenchmarkReport.options(new CommandLineOptions());

        assertThat(options.getForkCount().get()).isEqualTo(BenchmarkReport.DEFAULT_FORKS);
        assertThat(options.getWarmupIterations().get()).isEqualTo(BenchmarkReport.DEFAULT_WARMUP_ITERATIONS);
        assertThat(options.getWarmupTime().get()).isEqualTo(BenchmarkReport.DEFAULT_WARMUP_TIME);
        assertThat(options.getMeasurementIterations().get()).isEqualTo(BenchmarkReport.DEFAULT_MEASUREMENT_ITERATIONS);
        assertThat(options.getMeasurementTime().get()).isEqualTo(BenchmarkReport.DEFAULT_MEASUREMENT_TIME);
        assertThat(options.getBenchModes()).containsExactly(Mode.AverageTime);
        assertThat(options.getTimeUnit().get()).isEqualTo(TimeUnit.MICROSECONDS);
        assertThat(options.getIncludes()).hasSize(2)
                .anySatisfy(include -> assertThat("io.github.stytchjakarta.benchmarks.SessionVerificationBenchmark.jcaVerify")
                        .containsPattern(include))
                .anySatisfy(include -> assertThat("io.github.stytchjakarta.benchmarks.AccessTokenVerificationBenchmark.m2mColdVerify")
                        .containsPattern(include));
    }

    @Test
    void optionsWhenArgumentsGivenThenTheyOverrideDefaultsButNotTheUnit() throws Exception {
        Options options = BenchmarkReport.options(new CommandLineOptions("-f", "3", "-i", "10", "-tu", "ns",
                "-p", "tokenPoolSize=64", "rbacCheck"));

        assertThat(options.getForkCount().get()).isEqualTo(3);
        assertThat(options.getMeasurementIterations().get()).isEqualTo(10);
        assertThat(options.getWarmupIterations().get()).isEqualTo(BenchmarkReport.DEFAULT_WARMUP_ITERATIONS);
        assertThat(options.getTimeUnit().get()).isEqualTo(TimeUnit.MICROSECONDS);
        assertThat(options.getParameter(SessionVerificationBenchmark.TOKEN_POOL_SIZE).get()).containsExactly("64");
        assertThat(options.getIncludes()).containsExactly("rbacCheck");
    }
}
