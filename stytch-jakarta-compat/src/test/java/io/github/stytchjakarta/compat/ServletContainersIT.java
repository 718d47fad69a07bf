package io.github.stytchjakarta.compat;

import io.github.stytchjakarta.compat.ServletContainer.WildFlySetting;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library as users deploy it, on servlet containers and Jakarta EE servers from Maven Central, each in a
 * process of its own, against the emulator in this JVM (its URL, project id and secret given to the server as
 * {@code STYTCH_*} environment variables):
 * <ul>
 *   <li>everywhere, a filter-only WAR as the README's servlet quick start writes it, at {@code /app}, with the
 *       same HTTP checks on each ({@link FilterOnlyChecks}). Jetty runs once without its annotations module, so
 *       that no {@code ServletContainerInitializer} runs
 *       and the filter jar's {@code web-fragment.xml} must register the filter;</li>
 *   <li>on full Jakarta EE servers, beside it, the unchanged example WAR at {@code /example}, authenticated by
 *       the Stytch authentication mechanism ({@link ExampleAppChecks}).</li>
 * </ul>
 * Each server starts once, with both WARs. The support table of the README is written from what passed.
 */
class ServletContainersIT {

    private static final Duration START_DEADLINE = Duration.ofMinutes(3);
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    /** Liberty's jakartaee-10.0 has no MicroProfile Config. */
    private static final String LIBERTY_SETTINGS = "server.xml: feature `mpConfig-3.1` beside `jakartaee-10.0`";

    private static final List<String> SUPPORT_ROWS = new CopyOnWriteArrayList<>();

    private static StytchEmulator emulator;
    private static DemoData demo;

    @TempDir
    Path work;

    @BeforeAll
    static void startEmulator() {
        emulator = StytchEmulator.builder().build().start();
        demo = DemoData.seed(emulator);
    }

    @AfterAll
    static void stopEmulator() throws IOException {
        emulator.close();
        // the README's support table is copied from what this run proved
        Path table = Path.of(System.getProperty("it.report"));
        Files.createDirectories(table.getParent());
        Files.writeString(table, "| server | EE (Servlet) | Java | filter-only WAR (registered by) "
                + "| example WAR (Jakarta Security mechanism) | settings needed |\n|---|---|---|---|---|---|\n"
                + String.join("", SUPPORT_ROWS));
    }

    static Stream<ServletContainer> containers() {
        Path servers = Path.of(System.getProperty("it.servers"));
        Path jettyHome = servers.resolve(System.getProperty("it.jetty-home"));
        Path tomcat = servers.resolve(System.getProperty("it.tomcat"));
        Path liberty = servers.resolve(System.getProperty("it.liberty")).resolve("wlp");
        Stream<ServletContainer> onThisJdk = Stream.of(ServletContainer.tomcat(tomcat),
                ServletContainer.tomcat(servers.resolve(System.getProperty("it.tomcat10"))),
                ServletContainer.jetty(jettyHome, "ee10", "http,ee10-deploy"),
                ServletContainer.jetty(jettyHome, "ee11", "http,ee11-deploy,ee11-annotations"),
                ServletContainer.glassfish("GlassFish", servers.resolve(System.getProperty("it.glassfish")).resolve("glassfish7"))
                        .fullPlatform("none"),
                ServletContainer.glassfish("Payara Server", servers.resolve(System.getProperty("it.payara")).resolve("payara6"))
                        .fullPlatform("none"),
                ServletContainer.wildfly(servers.resolve(System.getProperty("it.wildfly")), WildFlySetting.NON_INTEGRATED_JASPI),
                ServletContainer.payaraMicro(servers.resolve("payara-micro-6.jar"), System.getProperty("it.payara-micro6")),
                ServletContainer.liberty(liberty, List.of("jakartaee-10.0", "mpConfig-3.1"))
                        .fullPlatform(LIBERTY_SETTINGS));
        // EE 11 servers need Java 21+: the build machines carry Temurin 25 beside the default JDK
        String only = System.getProperty("it.only", "");
        return (Files.isExecutable(JAVA_25) ? Stream.concat(onThisJdk, Stream.of(ServletContainer.tomcat(tomcat).on(JAVA_25, 25),
                ServletContainer.jetty(jettyHome, "ee11", "http,ee11-deploy,ee11-annotations").on(JAVA_25, 25),
                ServletContainer.liberty(liberty, List.of("jakartaee-10.0", "mpConfig-3.1"))
                        .fullPlatform(LIBERTY_SETTINGS).on(JAVA_25, 25),
                ServletContainer.wildfly(servers.resolve(System.getProperty("it.wildfly-preview")),
                        WildFlySetting.NON_INTEGRATED_JASPI).on(JAVA_25, 25),
                ServletContainer.payaraMicro(servers.resolve("payara-micro-7.jar"), System.getProperty("it.payara-micro7"))
                        .on(JAVA_25, 25))) : onThisJdk)
                .filter(container -> container.toString().contains(only));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void deployWhenLibraryAsUsersPackageItThenEveryCheckHolds(ServletContainer container) throws Exception {
        Map<String, Path> wars = new LinkedHashMap<>();
        wars.put("app", filterOnlyWar(work.resolve("app.war")));
        if (container.fullPlatform()) {
            wars.put("example", Path.of(System.getProperty("it.example-war")));
        }
        try (container) {
            URI server = container.start(wars, Files.createDirectories(work.resolve("base")), Map.of(
                    "STYTCH_PROJECT_ID", emulator.projectId(), "STYTCH_SECRET", emulator.secret(),
                    "STYTCH_BASE_URL", emulator.baseUrl().toString()));
            for (String context : wars.keySet()) {
                container.awaitDeployed(server.resolve(context + "/api/me"), START_DEADLINE);
            }
            SoftAssertions checks = new SoftAssertions();
            new FilterOnlyChecks(emulator, demo).run(checks, TestHttp.to(server.resolve("app")));
            if (!container.runsInitializers()) {
                checks.assertThat(container.log()).as("registered by the web-fragment's listener")
                        .contains("the container ran no ServletContainerInitializer");
            }
            if (container.fullPlatform()) {
                new ExampleAppChecks(emulator, demo).run(checks, TestHttp.to(server.resolve("example")));
            }
            checks.assertAll();
            SUPPORT_ROWS.add("| " + container.name() + " | " + (container.servletVersion().equals("6.1") ? "11" : "10")
                    + " (" + container.servletVersion() + ") | " + container.javaVersion()
                    + " | passed (" + (container.runsInitializers() ? "ServletContainerInitializer" : "web-fragment.xml listener")
                    + ") | " + (container.fullPlatform() ? "passed" : "not a Jakarta EE platform") + " | "
                    + container.settings() + " |\n");
        }
    }

    /** The WAR of the README's servlet quick start: the library's jars, a servlet, context params. */
    private static Path filterOnlyWar(Path war) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            put(zip, "WEB-INF/web.xml", webXml().getBytes(StandardCharsets.UTF_8));
            String servlet = "io/github/stytchjakarta/compat/CallerServlet.class";
            put(zip, "WEB-INF/classes/" + servlet, Files.readAllBytes(Path.of(System.getProperty("it.war-classes"), servlet)));
            try (Stream<Path> jars = Files.list(Path.of(System.getProperty("it.war-lib")))) {
                for (Path jar : jars.toList()) {
                    put(zip, "WEB-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
                }
            }
        }
        return war;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String webXml() {
        Map<String, String> params = Map.of(
                "stytch.project-id", emulator.projectId(),
                "stytch.secret", emulator.secret(),
                "stytch.vertical", "b2b",
                "stytch.base-url", emulator.baseUrl().toString(),
                "stytch.web.permissions", "GET /api/documents/** documents:read, POST /api/documents documents:create, "
                        + "DELETE /api/documents/* documents:delete",
                "stytch.web.permissions.unmatched-methods", "deny",
                "stytch.web.access-tokens.paths", FilterOnlyChecks.MACHINE_PATHS);
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                """);
        params.forEach((name, value) -> xml.append("  <context-param><param-name>").append(name)
                .append("</param-name><param-value>").append(value).append("</param-value></context-param>\n"));
        xml.append("""
                  <servlet><servlet-name>caller</servlet-name>
                    <servlet-class>io.github.stytchjakarta.compat.CallerServlet</servlet-class></servlet>
                  <servlet-mapping><servlet-name>caller</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>
                </web-app>
                """);
        return xml.toString();
    }
}
