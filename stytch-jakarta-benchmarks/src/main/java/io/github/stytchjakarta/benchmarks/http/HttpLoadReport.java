package io.github.stytchjakarta.benchmarks.http;

import io.github.stytchjakarta.benchmarks.BenchmarkReport;
import io.github.stytchjakarta.benchmarks.http.HttpLoadServer.Target;
import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * <p>A run fails instead of reporting when any answer is unexpected, or when a scenario's calls to the emulator
 * during its run (the emulator's request log, cleared before each run) are not what its {@link Scenario#calls()}
 * allows: none for the local scenarios, one per request for the opaque token, at most one per distinct credential
 * for the expired JWT, the opaque token with caching on and the random opaque cookies. During every run of
 * {@link Scenario#STYTCH_HUNG} each call to the emulator's {@value #HUNG_PATHS} hangs for {@link #HUNG_LATENCY}
 * (the fault is cleared after the run). A run whose {@link StytchHungCheck} fails is reported, and ends with status
 * {@value #HUNG_CHECK_FAILED}.
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

    /** The emulator paths that hang in {@link Scenario#STYTCH_HUNG}: all of Stytch's API. */
    static final String HUNG_PATHS = "/v1/";

    /** How long a hung call would wait: far longer than a run and than the filters' timeouts. */
    static final Duration HUNG_LATENCY = Duration.ofMinutes(10);

    /** Exit status of a run reported with a failed {@link StytchHungCheck}. */
    static final int HUNG_CHECK_FAILED = 3;

    private HttpLoadReport() {
    }

    /**
     * Runs the benchmark, prints the table and writes the report file; exits with status 1 on bad options,
     * 2 when the run fails, and {@value #HUNG_CHECK_FAILED} after reporting a failed {@link StytchHungCheck}.
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
        if (table.stytchHung().filter(check -> !check.passed()).isPresent()) {
            System.exit(HUNG_CHECK_FAILED);
        }
    }

    /**
     * Runs every scenario for every round.
     *
     * @param settings the run settings
     * @return the table
     * @throws IllegalStateException when an answer was unexpected or a scenario's calls to the emulator were not
     *                               what it allows
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
            Target target = server.target(scenario);
            emulator.requestLog().clear();
            LoadMeasurement measurement;
            List<RecordedRequest> calls;
            if (scenario.stytchHung()) {
                emulator.faults().latency(HUNG_PATHS, HUNG_LATENCY);
            }
            try {
                measurement = generator.run(scenario, target);
                calls = emulator.requestLog().requests();
            } finally {
                emulator.faults().clear();
            }
            measurement = measurement.withStytchCalls(checkStytchCalls(scenario, target.credentials(), calls));
            System.out.printf(Locale.ROOT, "%s, %s: %.0f requests/s, %d Stytch calls%n", round, scenario.label(),
                    measurement.throughput(), measurement.stytchCalls());
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
     * Checks what a scenario's run asked the emulator against its {@link Scenario#calls()}.
     *
     * @param scenario    the scenario
     * @param credentials how many distinct credentials the run's requests carried, at most
     * @param calls       the emulator's request log of the run
     * @return the number of calls, all of them session checks
     * @throws IllegalStateException when a local scenario made a call; when another made none, or a call other than
     *                               a session check answered with the expected status; or, when a call per credential
     *                               is allowed, when it made more calls than there were credentials or asked about one
     *                               credential twice
     */
    static long checkStytchCalls(Scenario scenario, int credentials, List<RecordedRequest> calls) {
        Scenario.StytchCalls allowed = scenario.calls();
        if (allowed == Scenario.StytchCalls.NONE) {
            if (!calls.isEmpty()) {
                throw new IllegalStateException(scenario.label() + ": called the Stytch API during the run, "
                        + calls.size() + " times, e.g. " + calls.get(0));
            }
            return 0;
        }
        if (calls.isEmpty()) {
            throw new IllegalStateException(scenario.label() + ": made no call to " + SESSIONS_AUTHENTICATE);
        }
        calls.stream().filter(call -> !SESSIONS_AUTHENTICATE.equals(call.path()) || call.status() != allowed.status())
                .findFirst().ifPresent(call -> {
                    throw new IllegalStateException(scenario.label() + ": unexpected call " + call + ", expected "
                            + SESSIONS_AUTHENTICATE + " -> " + allowed.status());
                });
        if (allowed == Scenario.StytchCalls.EVERY_REQUEST) {
            return calls.size();
        }
        if (calls.size() > credentials) {
            throw new IllegalStateException(scenario.label() + ": " + calls.size() + " calls to " + SESSIONS_AUTHENTICATE
                    + " for " + credentials + " distinct credentials");
        }
        // the body names the credential; it is compared, never shown
        long distinct = calls.stream().map(RecordedRequest::body).distinct().count();
        if (distinct != calls.size()) {
            throw new IllegalStateException(scenario.label() + ": " + calls.size() + " calls to " + SESSIONS_AUTHENTICATE
                    + " for " + distinct + " distinct credentials: a credential was checked more than once");
        }
        return calls.size();
    }

    private static String describe(HttpLoadSettings settings, double loadAverage) {
        return String.format(Locale.ROOT, "JDK %s (%s), %d CPUs, load average %s at start, Jetty %s; HTTP/1.1 "
                        + "keep-alive, %d connections (closed loop); %d warm-up and %d measured rounds of every scenario "
                        + "in turn, each run %s warm-up + %s measured; medians over the measured rounds, ratios of the "
                        + "medians; %d connections in the expired-JWT scenario; the load generator, Jetty and the emulator "
                        + "share the CPUs. Checked: every answer the expected one (200 with the caller's name, 401 "
                        + "session_not_found for random cookies); no Stytch API call in the cached and new JWT scenarios "
                        + "after the first key-set fetch, none completed while Stytch hung; in the expired-JWT, "
                        + "opaque-caching and random-cookie scenarios at most one session check per distinct credential.",
                Runtime.version(), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                loadAverage < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", loadAverage), Server.getVersion(),
                settings.connections(), WARMUP_ROUNDS, settings.rounds(), settings.warmup(), settings.duration(),
                Scenario.EXPIRED_JWT_CONNECTIONS);
    }
}
