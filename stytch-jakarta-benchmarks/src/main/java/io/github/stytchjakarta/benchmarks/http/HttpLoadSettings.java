package io.github.stytchjakarta.benchmarks.http;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * How {@link HttpLoadReport} runs: per scenario and round, {@code warmup} of unmeasured requests, then
 * {@code duration} of measured ones, from {@code connections} concurrent workers; every scenario runs
 * {@code rounds} times, interleaved with the others. Immutable and thread-safe.
 *
 * @param duration    measured time of one scenario in one round; positive
 * @param warmup      unmeasured time before it (fresh connections, JIT); zero or more
 * @param connections concurrent workers, each sending back-to-back requests on its own keep-alive connection;
 *                    1 to {@value #MAX_CONNECTIONS}
 * @param rounds      how many times each scenario runs; at least 1
 */
public record HttpLoadSettings(Duration duration, Duration warmup, int connections, int rounds) {

    /** Default measured time per scenario and round. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(5);

    /** Default warm-up per scenario and round. */
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);

    /** Default number of connections: twice the cores of a 2-core machine, so that neither side idles. */
    public static final int DEFAULT_CONNECTIONS = 4;

    /** Default number of rounds: three, so that the median discards one disturbed round. */
    public static final int DEFAULT_ROUNDS = 3;

    /** Most connections: the emulator serves 16 at a time, Jetty's default pool 200 threads. */
    public static final int MAX_CONNECTIONS = 64;

    /** The usage text of {@link #parse}. */
    public static final String USAGE = "options: --duration PT5S --warmup PT2S --connections 4 --rounds 3"
            + " (durations in ISO-8601 or whole seconds)";

    /** Checks the values. */
    public HttpLoadSettings {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("--connections must be 1 to " + MAX_CONNECTIONS);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
    }

    /** @return the defaults */
    public static HttpLoadSettings defaults() {
        return new HttpLoadSettings(DEFAULT_DURATION, DEFAULT_WARMUP, DEFAULT_CONNECTIONS, DEFAULT_ROUNDS);
    }

    /**
     * Reads {@code --duration}, {@code --warmup}, {@code --connections} and {@code --rounds}, each followed by
     * its value; an option not given keeps its default.
     *
     * @param args the command line
     * @return the settings
     * @throws IllegalArgumentException for an unknown option, a missing or bad value (the message says which)
     */
    public static HttpLoadSettings parse(String... args) {
        Duration duration = DEFAULT_DURATION;
        Duration warmup = DEFAULT_WARMUP;
        int connections = DEFAULT_CONNECTIONS;
        int rounds = DEFAULT_ROUNDS;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            String value = args[i + 1];
            switch (option) {
                case "--duration" -> duration = duration(option, value);
                case "--warmup" -> warmup = duration(option, value);
                case "--connections" -> connections = integer(option, value);
                case "--rounds" -> rounds = integer(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
        }
        return new HttpLoadSettings(duration, warmup, connections, rounds);
    }

    private static Duration duration(String option, String value) {
        try {
            return value.chars().allMatch(Character::isDigit) && !value.isEmpty()
                    ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 duration such as PT5S or whole seconds");
        }
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number");
        }
    }
}
