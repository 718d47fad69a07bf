package io.github.stytchjakarta.benchmarks.http;

import io.github.stytchjakarta.benchmarks.BenchmarkReport;
import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.server.Server;

/**
 * The HTTP load benchmark: what {@link io.github.stytchjakarta.filter.StytchAuthenticationFilter} costs per request
 * as seen by an HTTP client on loopback, as ratios to an unfiltered baseline measured in the same run.
 *
 * <pre>
 * java -cp stytch-jakarta-benchmarks/target/benchmarks.jar io.github.stytchjakarta.benchmarks.http.HttpLoadReport
 * java -cp ... io.github.stytchjakarta.benchmarks.http.HttpLoadReport --duration PT10S --connections 8 --rounds 5
 * </pre>
 *
 * <p>It starts the server under load (the emulator and Jetty, {@code HttpLoadServer}), sends one request of every
 * {@link Scenario} and checks its answer (this also makes each filter's first key-set fetch), then runs
 * {@value #WARMUP_ROUNDS} warm-up rounds and {@link HttpLoadSettings#rounds()} measured rounds. A round runs every
 * scenario once, in {@link Scenario} order, with the closed-loop {@code LoadGenerator}, so that drift over the run
 * affects all scenarios alike. It prints the {@link HttpLoadTable} of medians and writes it to
 * {@value #REPORT_FILE_NAME} in the directory of the benchmark jar (the module's {@code target}).
 *
 * <p>A run fails instead of reporting when any answer is unexpected, when a scenario that must stay local
 * ({@link Scenario#callsStytch()} false) made any call to the emulator during its run (checked with the
 * emulator's request log, cleared before each run), or when the opaque-token scenario made none.
 *
 * <p>Not thread-safe: one run at a time (it owns the machine anyway).
 */
public final class HttpLoadReport {

    /** The report file, written next to the benchmark jar. */
    public static final String REPORT_FILE_NAME = "http-load-report.md";

    /**
     * Rounds run first and discarded. On 2 cores the JIT keeps compiling for about 40 s of this load (the baseline
     * climbs from about 1,000 to about 17,000 requests/s), longer than one run's warm-up: with one warm-up round
     * of the default 28 s, every scenario's first measured round was still about 25 % slower than the next two.
     */
    public static final int WARMUP_ROUNDS = 2;

    /** The emulator path every opaque-token request must call. */
    static final String SESSIONS_AUTHENTICATE = "/v1/b2b/sessions/authenticate";

    private HttpLoadReport() {
    }

    /**
     * Runs the benchmark, prints the table and writes the report file; exits with status 1 on bad options
     * and 2 when the run fails.
     *
     * @param args {@code --duration PT5S --warmup PT2S --connections 4 --rounds 3}, each optional
     * @throws Exception when the server cannot start or the report cannot be written
     */
    public static void main(String... args) throws Exception {
        HttpLoadSettings settings;
        try {
            settings = HttpLoadSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid option: " + e.getMessage());
            System.exit(1);
            return;
        }
        HttpLoadTable table;
        try {
            table = run(settings);
        } catch (IllegalStateException e) {
            System.err.println("HTTP load run failed: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path file = write(table, BenchmarkReport.reportDirectory());
        System.out.println();
        System.out.print(table.toMarkdown());
        System.out.println("Written to " + file);
    }

    /**
     * Runs every scenario for every round.
     *
     * @param settings the run settings
     * @return the table
     * @throws IllegalStateException when an answer was unexpected or a scenario called the emulator wrongly
     * @throws Exception             when the server cannot start, or the run is interrupted
     */
    public static HttpLoadTable run(HttpLoadSettings settings) throws Exception {
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (HttpLoadServer server = HttpLoadServer.start()) {
            LoadGenerator generator = new LoadGenerator(settings);
            for (Scenario scenario : Scenario.values()) {
                generator.probe(scenario, server.target(scenario));
            }
            for (int round = 1; round <= WARMUP_ROUNDS; round++) {
                runRound("warm-up round " + round, server, generator);
            }
            List<LoadMeasurement> measurements = new ArrayList<>();
            for (int round = 1; round <= settings.rounds(); round++) {
                measurements.addAll(runRound("round " + round, server, generator));
            }
            return HttpLoadTable.of(measurements, describe(settings, loadAverage));
        }
    }

    // every scenario once, in order, each checked against the emulator's request log of its run
    private static List<LoadMeasurement> runRound(String round, HttpLoadServer server, LoadGenerator generator)
            throws InterruptedException {
        StytchEmulator emulator = server.emulator();
        List<LoadMeasurement> measurements = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            emulator.requestLog().clear();
            LoadMeasurement measurement = generator.run(scenario, server.target(scenario));
            checkStytchCalls(scenario, emulator.requestLog().requests());
            System.out.printf(Locale.ROOT, "%s, %s: %.0f requests/s%n", round, scenario.label(), measurement.throughput());
            measurements.add(measurement);
        }
        return measurements;
    }

    /**
     * Writes the table to {@value #REPORT_FILE_NAME}.
     *
     * @param table     the table
     * @param directory an existing directory
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public static Path write(HttpLoadTable table, Path directory) throws IOException {
        return Files.writeString(directory.resolve(REPORT_FILE_NAME), table.toMarkdown());
    }

    /**
     * Checks what a scenario's run asked the emulator.
     *
     * @param scenario the scenario
     * @param calls    the emulator's request log of the run
     * @throws IllegalStateException when a local scenario made a call, or the opaque-token scenario made a call
     *                               other than a successful session check, or none
     */
    static void checkStytchCalls(Scenario scenario, List<RecordedRequest> calls) {
        if (!scenario.callsStytch()) {
            if (!calls.isEmpty()) {
                throw new IllegalStateException(scenario.label() + ": called the Stytch API during the run, "
                        + calls.size() + " times, e.g. " + calls.get(0));
            }
            return;
        }
        if (calls.isEmpty()) {
            throw new IllegalStateException(scenario.label() + ": made no call to " + SESSIONS_AUTHENTICATE);
        }
        calls.stream().filter(call -> !SESSIONS_AUTHENTICATE.equals(call.path()) || call.status() != 200).findFirst()
                .ifPresent(call -> {
                    throw new IllegalStateException(scenario.label() + ": unexpected call " + call);
                });
    }

    private static String describe(HttpLoadSettings settings, double loadAverage) {
        return String.format(Locale.ROOT, "JDK %s (%s), %d CPUs, load average %s at start, Jetty %s; HTTP/1.1 "
                        + "keep-alive, %d connections (closed loop); %d warm-up and %d measured rounds of every scenario "
                        + "in turn, each run %s warm-up + %s measured; medians over the measured rounds, ratios of the "
                        + "medians; the load generator, Jetty and the emulator share the CPUs. Checked: every answer "
                        + "200 with the caller's name; no Stytch API call in the JWT scenarios after the first key-set "
                        + "fetch.",
                Runtime.version(), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                loadAverage < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", loadAverage), Server.getVersion(),
                settings.connections(), WARMUP_ROUNDS, settings.rounds(), settings.warmup(), settings.duration());
    }
}
