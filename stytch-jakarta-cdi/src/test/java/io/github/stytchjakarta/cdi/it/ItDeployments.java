package io.github.stytchjakarta.cdi.it;

import io.github.stytchjakarta.testkit.StytchEmulator;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test WARs as an application would ship them: the packaged stytch-jakarta-cdi jar (with its
 * {@code beans.xml} and extension registration) and its runtime dependencies in {@code WEB-INF/lib},
 * the application classes, and a generated {@code META-INF/microprofile-config.properties}. The build
 * passes the jar ({@value #LIBRARY_JAR}) and a directory of the runtime dependencies
 * ({@value #LIBRARY_DEPENDENCIES}) as system properties. Public: stytch-jakarta-cdi-ee11 builds its WARs
 * with it too.
 */
public final class ItDeployments {

    static final String LIBRARY_JAR = "stytch.it.library-jar";
    static final String LIBRARY_DEPENDENCIES = "stytch.it.library-dependencies";

    private ItDeployments() {
    }

    /**
     * The keys of an application on the emulator: its project, B2B, and a request timeout short enough for a
     * test to see a failing call.
     *
     * @param emulator the emulator
     * @return the keys, to add to
     */
    public static Map<String, String> emulatorConfig(StytchEmulator emulator) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("stytch.project-id", emulator.projectId());
        config.put("stytch.secret", emulator.secret());
        config.put("stytch.vertical", "b2b");
        config.put("stytch.base-url", emulator.baseUrl().toString());
        config.put("stytch.http.request-timeout", "PT5S");
        return config;
    }

    public static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties")
                .addAsLibrary(ShrinkWrap.createFromZipFile(JavaArchive.class, new File(required(LIBRARY_JAR))));
        try (Stream<Path> jars = Files.list(Path.of(required(LIBRARY_DEPENDENCIES)))) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).forEach(jar -> war.addAsLibrary(jar.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return war;
    }

    private static String properties(Map<String, String> config) {
        Properties properties = new Properties();
        properties.putAll(config);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "generated for this deployment");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the ITs with mvn verify");
        }
        return value;
    }
}
