package io.github.stytchjakarta.example.support;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.example.dev.DemoMachineCallers;
import io.github.stytchjakarta.example.dev.ExampleOptions;
import io.github.stytchjakarta.example.dev.ExampleServer;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The example app for one test class, started through the same launcher as the dev run ({@link ExampleServer})
 * from the built WAR, on an ephemeral port, on the Stytch emulator with demo data, or with settings that name a
 * project (real-project mode, which starts nothing that reaches Stytch until a request needs it).
 *
 * <pre>
 * &#64;RegisterExtension
 * static final ExampleApp APP = new ExampleApp(Vertical.B2B);
 * </pre>
 */
public final class ExampleApp implements BeforeAllCallback, AfterAllCallback {

    /** The system property naming the WAR (set by the build); without it, the WAR in {@code target/}. */
    public static final String WAR_PROPERTY = "example.war";

    private final Vertical vertical;
    private final Map<String, String> settings;
    private ExampleServer server;

    /**
     * @param vertical the flavour to run
     */
    public ExampleApp(Vertical vertical) {
        this(vertical, Map.of());
    }

    /**
     * @param vertical the flavour to run
     * @param settings configuration for the run ({@link ExampleOptions#settings()})
     */
    public ExampleApp(Vertical vertical, Map<String, String> settings) {
        this.vertical = vertical;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = ExampleServer.start(new ExampleOptions(war(), 0, Optional.of(vertical), settings));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    /**
     * @param path a path relative to the app, e.g. {@code api/documents}
     * @return its absolute URI
     */
    public URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    /** @return the app's emulator */
    public StytchEmulator emulator() {
        return server.emulator().orElseThrow();
    }

    /** @return the emulator's demo data */
    public DemoData demo() {
        return server.demo().orElseThrow();
    }

    /** @return the launcher's M2M client and Connected App */
    public DemoMachineCallers machineCallers() {
        return server.machineCallers().orElseThrow();
    }

    private static Path war() throws IOException {
        String configured = System.getProperty(WAR_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".war")).findFirst()
                    .orElseThrow(() -> new UncheckedIOException(new IOException("No WAR in target/: run mvn package")));
        }
    }
}
