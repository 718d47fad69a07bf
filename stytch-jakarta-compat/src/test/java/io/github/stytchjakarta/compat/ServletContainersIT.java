package io.github.stytchjakarta.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.compat.ServletContainer.WildFlySetting;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
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
 *       same HTTP checks on each: the Bearer challenge, bearer and cookie authentication, roles, permission
 *       rules that allow, deny and deny unnamed methods, a refreshed JWT cookie, the CSRF check and logout.
 *       Jetty runs once without its annotations module, so that no {@code ServletContainerInitializer} runs
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
        Files.writeString(table, "| server | EE (Servlet) | Java | filter-only WAR (registered by) | example WAR (Jakarta Security mechanism) "
                + "| settings needed |\n|---|---|---|---|---|---|\n" + String.join("", SUPPORT_ROWS));
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
            check(checks, server.resolve("app/"));
            if (!container.runsInitializers()) {
                checks.assertThat(container.log()).as("registered by the web-fragment's listener")
                        .contains("the container ran no ServletContainerInitializer");
            }
            if (container.fullPlatform()) {
                new ExampleAppChecks(emulator, demo).run(checks, server.resolve("example/"));
            }
            checks.assertAll();
            SUPPORT_ROWS.add("| " + container.name() + " | " + (container.servletVersion().equals("6.1") ? "11" : "10")
                    + " (" + container.servletVersion() + ") | " + container.javaVersion()
                    + " | passed (" + (container.runsInitializers() ? "ServletContainerInitializer" : "web-fragment.xml listener")
                    + ") | " + (container.fullPlatform() ? "passed" : "not a Jakarta EE platform") + " | "
                    + container.settings() + " |\n");
        }
    }

    private static void check(SoftAssertions checks, URI app) throws IOException, InterruptedException {
        String bob = demo.bob().memberId();
        HttpResponse<String> anonymous = send(app, "GET", "api/me", Map.of());
        checks.assertThat(anonymous.statusCode()).as("anonymous").isEqualTo(401);
        checks.assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as("challenge").hasValue("Bearer realm=\"stytch\"");
        checks.assertThat(anonymous.headers().firstValue("Content-Type")).as("problem type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        checks.assertThat(anonymous.body()).as("problem code").contains("\"code\":\"stytch.missing_token\"");

        HttpResponse<String> bearer = send(app, "GET", "api/me", bearer("bob@acme.test"));
        checks.assertThat(Http.json(bearer).path("remoteUser").asText()).as("bearer caller").isEqualTo(bob);
        checks.assertThat(Http.json(bearer).path("editor").asBoolean()).as("isUserInRole").isTrue();

        HttpResponse<String> denied = send(app, "DELETE", "api/documents/1", bearer("carol@acme.test"));
        checks.assertThat(denied.statusCode()).as("viewer deletes").isEqualTo(403);
        checks.assertThat(denied.body()).as("viewer's problem").contains("stytch.forbidden.permission_denied");
        checks.assertThat(denied.headers().firstValue("WWW-Authenticate")).as("insufficient scope")
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("error=\"insufficient_scope\""));
        for (String pathParameter : List.of("api/documents;x/1", "api/documents;a=b;c=d/1", "api/documents/1;x")) {
            HttpResponse<String> refused = send(app, "DELETE", pathParameter, bearer("carol@acme.test"));
            checks.assertThat(refused.statusCode()).as("path parameter " + pathParameter).isEqualTo(400);
            checks.assertThat(refused.body()).as("path parameter's problem").contains("stytch.invalid_request.path");
        }
        checks.assertThat(send(app, "DELETE", "api/documents/1", bearer("alice@acme.test")).statusCode())
                .as("admin deletes").isEqualTo(200);
        HttpResponse<String> unnamed = send(app, "PATCH", "api/documents/1", bearer("alice@acme.test"));
        checks.assertThat(unnamed.statusCode()).as("a method no rule names").isEqualTo(403);
        checks.assertThat(unnamed.body()).as("unnamed method's problem").contains("stytch.forbidden.unmatched_method");

        EmulatedSession bobs = demo.sessions().get("bob@acme.test");
        HttpResponse<String> opaque = send(app, "GET", "api/me", Map.of("Cookie", "stytch_session=" + bobs.sessionToken()));
        checks.assertThat(Http.json(opaque).path("remoteUser").asText()).as("opaque cookie").isEqualTo(bob);
        HttpResponse<String> refreshed = send(app, "GET", "api/me", Map.of("Cookie",
                "stytch_session_jwt=" + emulator.jwt(bobs).expired().mint() + "; stytch_session=" + bobs.sessionToken()));
        checks.assertThat(Http.json(refreshed).path("remoteUser").asText()).as("expired JWT, live session").isEqualTo(bob);
        checks.assertThat(refreshed.headers().allValues("Set-Cookie")).as("refreshed JWT cookie")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("stytch_session_jwt="));
        HttpResponse<String> crossSite = send(app, "POST", "api/documents", Map.of("Cookie",
                "stytch_session_jwt=" + bobs.sessionJwt(), "Origin", "https://elsewhere.example"));
        checks.assertThat(crossSite.statusCode()).as("cross-site POST with a cookie").isEqualTo(403);
        checks.assertThat(crossSite.body()).as("CSRF problem").contains("stytch.csrf");

        EmulatedSession leaving = emulator.createMemberSession(demo.bob(), s -> { });
        int revokesBefore = revokes();
        HttpResponse<String> logout = send(app, "POST", "logout", Map.of("Authorization", "Bearer " + leaving.sessionJwt()));
        checks.assertThat(logout.statusCode()).as("logout").isEqualTo(204);
        checks.assertThat(revokes() - revokesBefore).as("session revoked at Stytch").isEqualTo(1);
    }

    private static Map<String, String> bearer(String email) {
        return Map.of("Authorization", "Bearer " + demo.sessions().get(email).sessionJwt());
    }

    private static int revokes() {
        return (int) emulator.requests().stream().filter(request -> request.path().endsWith("/sessions/revoke")).count();
    }

    private static HttpResponse<String> send(URI app, String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        return Http.send(app.resolve(path), method, headers);
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
                "stytch.web.permissions.unmatched-methods", "deny");
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
