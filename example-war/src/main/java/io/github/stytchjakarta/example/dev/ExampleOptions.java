package io.github.stytchjakarta.example.dev;

import io.github.stytchjakarta.core.Vertical;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link ExampleServer} runs the app: the WAR, the port, and optionally the vertical (which overrides
 * {@code stytch.vertical} from the WAR's configuration, e.g. to run the consumer flavour).
 *
 * @param war      the WAR file to deploy
 * @param port     the HTTP port; 0 for an ephemeral one
 * @param vertical the vertical, empty to keep the configured one
 * @param settings configuration handed to the app as system properties for the run, over the WAR's file (a
 *                 project id selects the real-project mode); none from the command line
 */
public record ExampleOptions(Path war, int port, Optional<Vertical> vertical, Map<String, String> settings) {

    /** The port used without {@code --port}. */
    public static final int DEFAULT_PORT = 8080;

    /** The usage line printed for bad options. */
    public static final String USAGE = "usage: --war PATH [--port N] [--vertical b2b|consumer]";

    /** Requires every part and a valid port. */
    public ExampleOptions {
        Objects.requireNonNull(war, "war");
        Objects.requireNonNull(vertical, "vertical");
        settings = Map.copyOf(settings);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
    }

    /**
     * Reads command-line options.
     *
     * @param args {@code --war PATH}, {@code --port N} (default {@value #DEFAULT_PORT}),
     *             {@code --vertical b2b|consumer}
     * @return the options
     * @throws IllegalArgumentException for a missing, unknown or malformed option
     */
    public static ExampleOptions parse(String... args) {
        Path war = null;
        int port = DEFAULT_PORT;
        Optional<Vertical> vertical = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--war" -> war = Path.of(value);
                case "--port" -> port = port(value);
                case "--vertical" -> vertical = Optional.of(vertical(value));
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if (war == null) {
            throw new IllegalArgumentException("--war is required");
        }
        return new ExampleOptions(war, port, vertical, Map.of());
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port: " + value);
        }
    }

    private static Vertical vertical(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "b2b" -> Vertical.B2B;
            case "consumer" -> Vertical.CONSUMER;
            default -> throw new IllegalArgumentException("--vertical is b2b or consumer");
        };
    }
}
