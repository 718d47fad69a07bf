package io.github.stytchjakarta.example.dev;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatorWebhooks;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * The example WAR on embedded Jetty 12 (ee10), with what a Jakarta EE 10 server would provide on the class
 * path: Weld (CDI), Jersey (JAX-RS with JSON-B) and SmallRye Config (MicroProfile Config). The WAR itself is
 * the artifact that deploys to such a server, unchanged.
 *
 * <p>Stytch: when no {@code stytch.project-id} is configured (system property, environment variable
 * {@code STYTCH_PROJECT_ID}, or the WAR's {@code microprofile-config.properties}), a {@link StytchEmulator}
 * is started with {@link DemoData} and {@link DemoMachineCallers}, its base URL, project id and secret are handed to
 * the app as system properties (which MicroProfile Config reads first), and the {@link DevLoginServlet} takes over
 * {@code /login} so that one can sign in as a demo member. With a project id the app talks to Stytch and
 * {@code /login} is the app's own page about Stytch's frontend SDK.
 *
 * <p>System properties are global: one server per JVM at a time. {@link #close()} restores them. Not
 * thread-safe.
 */
public final class ExampleServer implements AutoCloseable {

    /** The address Jetty binds: loopback only, because the dev login lets anyone in as any demo member. */
    public static final String BIND_ADDRESS = "127.0.0.1";

    /**
     * The WAR's MCP endpoint, relative to the app: the launcher names {@code http://localhost:<port>/mcp} as the
     * protected resource ({@code stytch.web.resource-metadata.resource}) unless that is configured.
     */
    public static final String MCP_PATH = "mcp";

    /** The scopes the launcher's resource metadata offers MCP clients ({@code stytch.web.resource-metadata.scopes}). */
    public static final String MCP_SCOPES = "read:documents,write:documents";

    /** Where the WAR keeps its MicroProfile configuration. */
    public static final String WAR_CONFIG_ENTRY = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private final Server server;
    private final StytchEmulator emulator;
    private final DemoData demo;
    private final DemoMachineCallers machines;
    private final Vertical vertical;
    private final Map<String, String> replacedProperties;

    private ExampleServer(Server server, StytchEmulator emulator, DemoData demo, DemoMachineCallers machines, Vertical vertical,
                          Map<String, String> replacedProperties) {
        this.server = server;
        this.emulator = emulator;
        this.demo = demo;
        this.machines = machines;
        this.vertical = vertical;
        this.replacedProperties = replacedProperties;
    }

    /**
     * Deploys the WAR and starts serving; with no Stytch project configured, starts the emulator first.
     *
     * @param options where the WAR is, the port and the vertical
     * @return the running server; close it to stop it (and the emulator)
     * @throws Exception when Jetty cannot start or the app fails to deploy
     */
    public static ExampleServer start(ExampleOptions options) throws Exception {
        Objects.requireNonNull(options, "options");
        if (!Files.isRegularFile(options.war())) {
            throw new IllegalArgumentException("No WAR at " + options.war() + ": build it with mvn package first");
        }
        Map<String, String> properties = new LinkedHashMap<>(options.settings());
        options.vertical().ifPresent(v -> properties.put(StytchConfig.Keys.VERTICAL, v.name().toLowerCase(Locale.ROOT)));
        SmallRyeConfig config = configuration(options.war(), properties);

        Vertical vertical = options.vertical().orElseGet(() -> config.getOptionalValue(StytchConfig.Keys.VERTICAL, String.class)
                .map(ExampleServer::vertical).orElse(StytchConfig.DEFAULT_VERTICAL));

        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(BIND_ADDRESS);
        connector.setPort(options.port());
        server.addConnector(connector);
        // bound before the app is configured: its MCP resource URL names the port, an ephemeral one too
        connector.open();
        if (config.getOptionalValue(StytchWebConfig.Keys.RESOURCE_METADATA_RESOURCE, String.class).isEmpty()) {
            properties.put(StytchWebConfig.Keys.RESOURCE_METADATA_RESOURCE, baseUri(connector).resolve(MCP_PATH).toString());
        }
        if (config.getOptionalValue(StytchWebConfig.Keys.RESOURCE_METADATA_SCOPES, String.class).isEmpty()) {
            // what an MCP client asks the user to grant: both tools' scopes, not only the one /mcp requires
            properties.put(StytchWebConfig.Keys.RESOURCE_METADATA_SCOPES, MCP_SCOPES);
        }
        StytchEmulator emulator = null;
        DemoData demo = null;
        DemoMachineCallers machines = null;
        if (config.getOptionalValue(StytchConfig.Keys.PROJECT_ID, String.class).isEmpty()) {
            emulator = StytchEmulator.builder().build().start();
            demo = DemoData.seed(emulator);
            machines = DemoMachineCallers.seed(emulator, demo, vertical);
            properties.put(StytchConfig.Keys.PROJECT_ID, emulator.projectId());
            properties.put(StytchConfig.Keys.SECRET, emulator.secret());
            properties.put(StytchConfig.Keys.BASE_URL, emulator.baseUrl().toString());
            properties.putIfAbsent(StytchConfig.Keys.WEBHOOK_SECRET, EmulatorWebhooks.newSecret());
        }
        Map<String, String> replaced = setSystemProperties(properties);

        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(options.war().toString());
        webapp.setThrowUnavailableOnStartupException(true);
        webapp.getHiddenClassMatcher().add(launcherCopies());
        if (emulator != null) {
            webapp.addServlet(new ServletHolder("dev-login", new DevLoginServlet(emulator, demo, vertical)), "/login");
        }
        // beside the WAR, as a server's own endpoint: the metrics of the server's OpenTelemetry, no session needed
        ServletContextHandler metrics = new ServletContextHandler("/metrics");
        metrics.setAllowNullPathInContext(true); // /metrics itself, not a redirect to /metrics/
        metrics.addServlet(new ServletHolder("metrics", new ExampleMetrics()), "/");
        server.setHandler(new ContextHandlerCollection(metrics, webapp));
        ExampleServer example = new ExampleServer(server, emulator, demo, machines, vertical, replaced);
        try {
            server.start();
            if (emulator != null) {
                // the emulator tells the app what changes, signed, as Stytch would (a revoked session is refused at once)
                emulator.webhooks().addEndpoint(example.baseUri().resolve(StytchConfig.DEFAULT_WEBHOOK_PATH.substring(1)),
                        properties.get(StytchConfig.Keys.WEBHOOK_SECRET));
            }
        } catch (Exception | Error e) {
            try {
                example.close();
            } catch (IllegalStateException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        return example;
    }

    /** @return {@code http://localhost:<port>/} */
    public URI baseUri() {
        return baseUri((ServerConnector) server.getConnectors()[0]);
    }

    private static URI baseUri(ServerConnector connector) {
        return URI.create("http://localhost:" + connector.getLocalPort() + "/");
    }

    /** @return the emulator, when the app runs on it rather than on a real Stytch project */
    public Optional<StytchEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    /** @return the emulator's demo organizations, members and user, when the app runs on it */
    public Optional<DemoData> demo() {
        return Optional.ofNullable(demo);
    }

    /** @return the emulator's M2M client and Connected App for the API and {@code /mcp}, when the app runs on it */
    public Optional<DemoMachineCallers> machineCallers() {
        return Optional.ofNullable(machines);
    }

    /** @return the vertical the app runs in */
    public Vertical vertical() {
        return vertical;
    }

    /**
     * Stops Jetty and the emulator and restores the system properties.
     *
     * @throws IllegalStateException when Jetty does not stop cleanly (everything else is still released)
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        } finally {
            if (emulator != null) {
                emulator.close();
            }
            replacedProperties.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    // The WAR brings its own copies of the app and the library (WEB-INF/classes, WEB-INF/lib). The copies on the
    // launcher's class path must stay invisible to it, as on a real server: otherwise CDI finds the library's
    // beans.xml twice and every bean is ambiguous.
    private static String[] launcherCopies() {
        return Stream.of(StytchConfig.class, StytchWebAuthenticator.class, CurrentStytchSession.class, ExampleServer.class)
                .map(type -> type.getProtectionDomain().getCodeSource().getLocation().toString())
                .distinct().toArray(String[]::new);
    }

    private static Vertical vertical(String configured) {
        try {
            return Vertical.valueOf(configured.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(StytchConfig.Keys.VERTICAL + " must be b2b or consumer");
        }
    }

    // what the app will see: MicroProfile Config's system properties (with ours) and environment over the WAR's file
    private static SmallRyeConfig configuration(Path war, Map<String, String> overrides) {
        return new SmallRyeConfigBuilder()
                .addSystemSources()
                .withSources(new PropertiesConfigSource(overrides, "example launcher", 500))
                .withSources(new PropertiesConfigSource(warProperties(war), WAR_CONFIG_ENTRY, 100))
                .build();
    }

    private static Properties warProperties(Path war) {
        try (JarFile jar = new JarFile(war.toFile())) {
            ZipEntry entry = jar.getEntry(WAR_CONFIG_ENTRY);
            Properties properties = new Properties();
            if (entry != null) {
                try (InputStream in = jar.getInputStream(entry)) {
                    properties.load(in);
                }
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + war, e);
        }
    }

    private static Map<String, String> setSystemProperties(Map<String, String> properties) {
        Map<String, String> replaced = new HashMap<>();
        properties.forEach((key, value) -> replaced.put(key, System.setProperty(key, value)));
        return replaced;
    }
}
