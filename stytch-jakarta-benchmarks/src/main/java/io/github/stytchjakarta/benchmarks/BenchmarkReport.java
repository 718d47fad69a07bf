package io.github.stytchjakarta.benchmarks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link #BENCHMARK_CLASSES} through JMH in one run and prints the {@link ReportTable}, also writing
 * it to {@value #REPORT_FILE_NAME} in the directory of the benchmark jar (the module's {@code target}).
 *
 * <pre>
 * java -jar stytch-jakarta-benchmarks/target/benchmarks.jar               # the defaults below
 * java -jar stytch-jakarta-benchmarks/target/benchmarks.jar -f 3 -prof gc # any JMH option overrides them
 * </pre>
 *
 * The defaults suit a 2-core machine: {@value #DEFAULT_FORKS} fork, {@value #DEFAULT_WARMUP_ITERATIONS}
 * warmup and {@value #DEFAULT_MEASUREMENT_ITERATIONS} measurement iterations of 2 seconds, one thread.
 * The mode is always average time in microseconds per operation, the unit of the table.
 */
public final class BenchmarkReport {

    /** Default number of forks (a fresh JVM per benchmark). */
    public static final int DEFAULT_FORKS = 1;

    /** Default number of warmup iterations. */
    public static final int DEFAULT_WARMUP_ITERATIONS = 3;

    /** Default length of a warmup iteration. */
    public static final TimeValue DEFAULT_WARMUP_TIME = TimeValue.seconds(2);

    /** Default number of measurement iterations. */
    public static final int DEFAULT_MEASUREMENT_ITERATIONS = 5;

    /** Default length of a measurement iteration. */
    public static final TimeValue DEFAULT_MEASUREMENT_TIME = TimeValue.seconds(2);

    /** The benchmarks of the report, run together so that every row has the same run's baseline. */
    public static final List<Class<?>> BENCHMARK_CLASSES =
            List.of(SessionVerificationBenchmark.class, AccessTokenVerificationBenchmark.class);

    /** The report file, written next to the benchmark jar. */
    public static final String REPORT_FILE_NAME = "benchmark-report.md";

    private BenchmarkReport() {
    }

    /**
     * Runs the benchmarks, prints the table and writes the report file.
     *
     * @param args JMH command-line options, e.g. {@code -f 3 -wi 5 -p tokenPoolSize=4096}; {@code -h} lists them
     * @throws RunnerException when a benchmark fails (e.g. a path did not succeed, or called the network)
     * @throws IOException     when the report file cannot be written
     */
    public static void main(String... args) throws RunnerException, IOException {
        CommandLineOptions commandLine;
        try {
            commandLine = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Invalid option: " + e.getMessage() + " (-h lists the options)");
            System.exit(1);
            return;
        }
        if (commandLine.shouldHelp()) {
            commandLine.showHelp();
            return;
        }
        ReportTable table = run(options(commandLine));
        Path file = write(table, reportDirectory());
        System.out.println();
        System.out.print(table.toMarkdown());
        System.out.println("Written to " + file);
    }

    /**
     * The run options: the command line's, else this class's defaults; always average time in
     * microseconds, failing on the first benchmark error.
     *
     * @param commandLine parsed JMH options
     * @return the options
     */
    public static Options options(CommandLineOptions commandLine) {
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .parent(commandLine)
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .forks(commandLine.getForkCount().orElse(DEFAULT_FORKS))
                .warmupIterations(commandLine.getWarmupIterations().orElse(DEFAULT_WARMUP_ITERATIONS))
                .warmupTime(commandLine.getWarmupTime().orElse(DEFAULT_WARMUP_TIME))
                .measurementIterations(commandLine.getMeasurementIterations().orElse(DEFAULT_MEASUREMENT_ITERATIONS))
                .measurementTime(commandLine.getMeasurementTime().orElse(DEFAULT_MEASUREMENT_TIME))
                .shouldFailOnError(commandLine.shouldFailOnError().orElse(true));
        if (commandLine.getIncludes().isEmpty()) {
            BENCHMARK_CLASSES.forEach(type -> builder.include(include(type)));
        }
        return builder.build();
    }

    /**
     * @param type a benchmark class
     * @return the JMH include pattern of its benchmarks
     */
    public static String include(Class<?> type) {
        return "^" + Pattern.quote(type.getName() + ".");
    }

    /**
     * Runs the benchmarks.
     *
     * @param options the JMH options
     * @return the table of the results
     * @throws RunnerException when a benchmark fails
     */
    public static ReportTable run(Options options) throws RunnerException {
        return ReportTable.of(new Runner(options).run());
    }

    /**
     * Writes the table to {@value #REPORT_FILE_NAME}.
     *
     * @param table     the table
     * @param directory an existing directory
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public static Path write(ReportTable table, Path directory) throws IOException {
        return Files.writeString(directory.resolve(REPORT_FILE_NAME), table.toMarkdown());
    }

    /**
     * Where reports are written.
     *
     * @return {@code target/} when run from {@code target/benchmarks.jar} or {@code target/classes}, else the
     *         working directory
     */
    public static Path reportDirectory() {
        CodeSource source = BenchmarkReport.class.getProtectionDomain().getCodeSource();
        try {
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            return location == null || location.getParent() == null ? Path.of("") : location.getParent();
        } catch (URISyntaxException e) {
            return Path.of("");
        }
    }
}
