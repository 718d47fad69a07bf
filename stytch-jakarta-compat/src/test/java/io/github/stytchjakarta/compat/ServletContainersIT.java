package io.github.stytchjakarta.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * A filter-only WAR, as the README's servlet quick start writes it, deployed unchanged to servlet
 * containers from Maven Central, each in a process of its own, against the emulator in this JVM; the same
 * HTTP checks on each: the Bearer challenge, bearer and cookie authentication, roles, permission rules that
 * allow, deny and deny unnamed methods, a refreshed JWT cookie, the CSRF check and logout. Jetty runs once
 * without its annotations module, so that no {@code ServletContainerInitializer} runs and the filter jar's
 * {@code web-fragment.xml} must register the filter.
 */
class ServletContainersIT {

    private static final Duration START_DEADLINE = Duration.ofMinutes(2);
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        Files.writeString(table, "| server | Servlet | Java | registered by | settings needed | checks |\n|---|---|---|---|---|---|\n"
                + String.join("", SUPPORT_ROWS));
    }

    static Stream<ServletContainer> containers() {
        Path servers = Path.of(System.getProperty("it.servers"));
        Path jettyHome = servers.resolve(System.getProperty("it.jetty-home"));
        Path tomcat = servers.resolve(System.getProperty("it.tomcat"));
        Stream<ServletContainer> onThisJdk = Stream.of(ServletContainer.tomcat(tomcat),
                ServletContainer.tomcat(servers.resolve(System.getProperty("it.tomcat10"))),
                ServletContainer.jetty(jettyHome, "ee10", "http,ee10-deploy"),
                ServletContainer.jetty(jettyHome, "ee11", "http,ee11-deploy,ee11-annotations"),
                ServletContainer.glassfish("GlassFish", servers.resolve(System.getProperty("it.glassfish")).resolve("glassfish7")),
                ServletContainer.glassfish("Payara Server", servers.resolve(System.getProperty("it.payara")).resolve("payara6")),
                ServletContainer.wildfly(servers.resolve(System.getProperty("it.wildfly"))));
        // EE 11 servers need Java 21+: the build machines carry Temurin 25 beside the default JDK
        String only = System.getProperty("it.only", "");
        return (Files.isExecutable(JAVA_25) ? Stream.concat(onThisJdk, Stream.of(ServletContainer.tomcat(tomcat).on(JAVA_25, 25),
                ServletContainer.jetty(jettyHome, "ee11", "http,ee11-deploy,ee11-annotations").on(JAVA_25, 25),
                ServletContainer.wildfly(servers.resolve(System.getProperty("it.wildfly-preview"))).on(JAVA_25, 25))) : onThisJdk)
                .filter(container -> container.toString().contains(only));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void deployWhenFilterOnlyWarThenEveryCheckHolds(ServletContainer container) throws Exception {
        Path war = war(work.resolve("app.war"));
        try (container) {
            URI app = container.start(war, Files.createDirectories(work.resolve("base")));
            awaitDeployed(container, app);
            SoftAssertions checks = new SoftAssertions();
            check(checks, app);
            if (!container.runsInitializers()) {
                checks.assertThat(container.log()).as("registered by the web-fragment's listener")
                        .contains("the container ran no ServletContainerInitializer");
            }
            checks.assertAll();
            SUPPORT_ROWS.add("| " + container.name() + " | " + container.servletVersion() + " | " + container.javaVersion()
                    + " | " + (container.runsInitializers() ? "ServletContainerInitializer" : "web-fragment.xml listener")
                    + " | " + (container.settings().isEmpty() ? "none" : "`" + String.join("`<br>`", container.settings()) + "`")
                    + " | all passed |\n");
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
        checks.assertThat(json(bearer).path("remoteUser").asText()).as("bearer caller").isEqualTo(bob);
        checks.assertThat(json(bearer).path("editor").asBoolean()).as("isUserInRole").isTrue();

        HttpResponse<String> denied = send(app, "DELETE", "api/documents/1", bearer("carol@acme.test"));
        checks.assertThat(denied.statusCode()).as("viewer deletes").isEqualTo(403);
        checks.assertThat(denied.body()).as("viewer's problem").contains("stytch.forbidden.permission_denied");
        checks.assertThat(denied.headers().firstValue("WWW-Authenticate")).as("insufficient scope")
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("error=\"insufficient_scope\""));
        checks.assertThat(send(app, "DELETE", "api/documents/1", bearer("alice@acme.test")).statusCode())
                .as("admin deletes").isEqualTo(200);
        HttpResponse<String> unnamed = send(app, "PATCH", "api/documents/1", bearer("alice@acme.test"));
        checks.assertThat(unnamed.statusCode()).as("a method no rule names").isEqualTo(403);
        checks.assertThat(unnamed.body()).as("unnamed method's problem").contains("stytch.forbidden.unmatched_method");

        EmulatedSession bobs = demo.sessions().get("bob@acme.test");
        HttpResponse<String> opaque = send(app, "GET", "api/me", Map.of("Cookie", "stytch_session=" + bobs.sessionToken()));
        checks.assertThat(json(opaque).path("remoteUser").asText()).as("opaque cookie").isEqualTo(bob);
        HttpResponse<String> refreshed = send(app, "GET", "api/me", Map.of("Cookie",
                "stytch_session_jwt=" + emulator.jwt(bobs).expired().mint() + "; stytch_session=" + bobs.sessionToken()));
        checks.assertThat(json(refreshed).path("remoteUser").asText()).as("expired JWT, live session").isEqualTo(bob);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (HTTP " + response.statusCode() + "): " + response.body(), e);
        }
    }

    // deployed once the application answers its own 401 (before: connection refused, or the container's 404/503)
    private static void awaitDeployed(ServletContainer container, URI app) throws Exception {
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!container.isRunning()) {
                throw new AssertionError(container + " exited:\n" + container.log());
            }
            try {
                if (send(app, "GET", "api/me", Map.of()).headers().firstValue("WWW-Authenticate").isPresent()) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(container + " did not deploy the WAR within " + START_DEADLINE + ":\n" + container.log());
    }

    /** The WAR of the README's servlet quick start: the library's jars, a servlet, context params. */
    private static Path war(Path war) throws IOException {
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
