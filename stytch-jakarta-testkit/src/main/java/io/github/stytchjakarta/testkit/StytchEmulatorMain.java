package io.github.stytchjakarta.testkit;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link StytchEmulator} with {@link DemoData} until the JVM is stopped (Ctrl-C), printing the base URL,
 * project credentials and demo session tokens so that any application can be pointed at it:
 *
 * <pre>
 * mvn -pl stytch-jakarta-testkit compile exec:java -Dexec.args="--port 9000"
 * </pre>
 *
 * Options: {@code --port N} (or a bare {@code N}; default {@value #DEFAULT_PORT}), {@code --bind HOST} (default
 * {@value StytchEmulator#LOOPBACK_ADDRESS}; {@code 0.0.0.0} to be reachable from a container), {@code --project-id ID},
 * {@code --secret SECRET}, {@code --issuer stytch|base-url}. The printed credentials are demo values for local use.
 */
public final class StytchEmulatorMain {

    /** The port used without {@code --port}. */
    public static final int DEFAULT_PORT = 9000;

    private StytchEmulatorMain() {
    }

    /**
     * @param args the options above
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        StytchEmulator emulator;
        try {
            emulator = configure(args).build();
        } catch (IllegalArgumentException e) {
            System.err.println("stytch-emulator: " + e.getMessage());
            System.err.println("usage: [--port N] [--bind HOST] [--project-id ID] [--secret SECRET] [--issuer stytch|base-url]");
            System.exit(2);
            return;
        }
        emulator.start();
        DemoData demo = DemoData.seed(emulator);
        print(emulator, demo, System.out);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "stytch-emulator-shutdown"));
        stopped.await();
    }

    /**
     * @param args the command-line options
     * @return a builder configured from them
     * @throws IllegalArgumentException for an unknown or malformed option
     */
    static StytchEmulator.Builder configure(String[] args) {
        StytchEmulator.Builder builder = StytchEmulator.builder().port(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.matches("\\d+")) {
                builder.port(port(option));
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(port(value));
                case "--bind" -> builder.bindAddress(value);
                case "--project-id" -> builder.projectId(value);
                case "--secret" -> builder.secret(value);
                case "--issuer" -> builder.issuerStyle(switch (value.toLowerCase(Locale.ROOT)) {
                    case "stytch" -> IssuerStyle.STYTCH;
                    case "base-url" -> IssuerStyle.BASE_URL;
                    default -> throw new IllegalArgumentException("--issuer is stytch or base-url");
                });
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return builder;
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port: " + value);
        }
    }

    /**
     * Prints what a developer needs to use the emulator.
     *
     * @param emulator the started emulator
     * @param demo     its demo data
     * @param out      where to print
     */
    static void print(StytchEmulator emulator, DemoData demo, PrintStream out) {
        out.println("Stytch emulator running at " + emulator.baseUrl());
        out.println("  project id  " + emulator.projectId());
        out.println("  secret      " + emulator.secret());
        out.println("  issuer      " + emulator.issuer());
        out.println("  JWKS        " + emulator.jwksUri());
        out.println("  B2B JWKS    " + emulator.b2bJwksUri());
        out.println();
        out.println("Demo sessions (valid " + DemoData.SESSION_DURATION.toDays() + " days; a JWT lives 5 minutes, refresh it with "
                + "POST /v1/(b2b/)sessions/authenticate):");
        for (Map.Entry<String, EmulatedSession> entry : demo.sessions().entrySet()) {
            EmulatedSession session = entry.getValue();
            out.println("  " + entry.getKey() + " " + session.roles()
                    + (session.isB2b() ? " in " + session.organizationId() : ""));
            out.println("    stytch_session      " + session.sessionToken());
            out.println("    stytch_session_jwt  " + session.sessionJwt());
        }
        out.println();
        out.println("M2M client " + demo.reportingClient().clientId() + " secret " + demo.reportingClient().clientSecret()
                + " scopes " + demo.reportingClient().scopes());
        out.println("Stop with Ctrl-C.");
    }
}
