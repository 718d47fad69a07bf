package io.github.stytchjakarta.example.dev;

import io.github.stytchjakarta.testkit.DemoData;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the example app on embedded Jetty until Ctrl-C (see {@link ExampleServer}); started by
 * {@code mvn -B -ntp -pl example-war -am -Prun -Dmaven.test.skip=true package}.
 */
public final class ExampleMain {

    // one line per record: time, level, logger, message
    private static final String LOG_FORMAT = "%1$tT %4$s %3$s: %5$s%6$s%n";

    // start-up chatter of the runtime (held here: java.util.logging keeps loggers only weakly)
    private static final List<Logger> QUIET_LOGGERS = List.of(
            quiet("org.jboss.weld", Level.WARNING),
            quiet("org.glassfish.jersey.message.internal.MessagingBinders", Level.SEVERE));

    private ExampleMain() {
    }

    /**
     * @param args {@link ExampleOptions#parse} options
     * @throws Exception when the app cannot start
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
        System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        ExampleOptions options;
        try {
            options = ExampleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("example: " + e.getMessage());
            System.err.println(ExampleOptions.USAGE);
            System.exit(2);
            return;
        }
        ExampleServer server = ExampleServer.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IllegalStateException e) {
                System.err.println("example: " + e.getMessage());
            }
            stopped.countDown();
        }, "example-shutdown"));

        System.out.println();
        server.emulator().ifPresentOrElse(emulator -> {
            System.out.println("No stytch.project-id configured: running on the Stytch emulator at " + emulator.baseUrl()
                    + " with demo data (" + server.vertical().name().toLowerCase(Locale.ROOT) + ").");
            System.out.println("Sign in at " + server.baseUri() + "login as one of " + demoPeople(server));
            DemoMachineCallers machines = server.machineCallers().orElseThrow();
            System.out.println("Machine callers (the README's curl lines): an M2M client reading Acme's documents, and the "
                    + "Connected App \"" + DemoMachineCallers.AGENT_NAME + "\" with a token (one hour) for /mcp");
            System.out.println("  export CLIENT_ID=" + machines.reader().clientId() + " CLIENT_SECRET="
                    + machines.reader().clientSecret() + " TOKEN_URL=" + emulator.baseUrl() + "/v1/public/"
                    + emulator.projectId() + "/oauth2/token");
            System.out.println("  export APP_TOKEN=" + machines.agentToken());
            System.out.println("  (an MCP client may instead authorize as the agent, client id " + machines.agent().clientId()
                    + ", redirect " + DemoMachineCallers.LOOPBACK_REDIRECT + " on any port: the emulator approves as the demo editor)");
        }, () -> System.out.println("Using the Stytch project configured in stytch.project-id."));
        System.out.println("Example app on " + server.baseUri());
        System.out.println("Stop with Ctrl-C.");
        stopped.await();
    }

    private static Logger quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    private static String demoPeople(ExampleServer server) {
        DemoData demo = server.demo().orElseThrow();
        return switch (server.vertical()) {
            case B2B -> demo.alice().email() + " (admin), " + demo.bob().email() + " (editor), " + demo.carol().email()
                    + " (viewer) or " + demo.dave().email() + " (editor, another organization).";
            case CONSUMER -> demo.ada().email() + " (editor).";
        };
    }
}
