package io.github.stytchjakarta.cdi.it;

import static io.github.stytchjakarta.testsupport.TestHttp.bearer;
import static io.github.stytchjakarta.testsupport.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.cdi.it.app.ApiApplication;
import io.github.stytchjakarta.cdi.it.app.AuthenticationLog;
import io.github.stytchjakarta.cdi.it.app.DocumentArchive;
import io.github.stytchjakarta.cdi.it.app.DocumentsResource;
import io.github.stytchjakarta.cdi.it.app.PublicResource;
import io.github.stytchjakarta.cdi.it.app.SecurityConfiguration;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Configuration mistakes on a real Jakarta EE server. One Payara Micro process (the same distribution the
 * Arquillian tests use, started directly because several WARs are deployed into it at once and some of them
 * must fail) gets a correctly configured WAR and one WAR per mistake, with operator settings as a system
 * property and environment variables of the process. Every misconfigured WAR must fail to deploy, its
 * error naming the key but never the value, so its paths are not served at all; the good one is protected,
 * has one {@code Stytch}, sees MicroProfile Config's precedence and denies methods its rules do not name.
 */
class FailClosedPayaraIT {

    private static final Duration START_DEADLINE = Duration.ofMinutes(3);
    private static final String SECRET_MARKER = "never-printed";

    private static StytchEmulator emulator;
    private static DemoData demo;
    private static Process payara;
    private static Path log;
    private static URI base;
    private static long keySetFetchesBeforeStart;

    @BeforeAll
    static void start() throws Exception {
        emulator = StytchEmulator.builder().build().start();
        demo = DemoData.seed(emulator);
        Path wars = Files.createTempDirectory("stytch-fail-closed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dstytch.web.realm=from-system-property", "-jar", System.getProperty("payara.microJar"),
                "--nocluster", "--port", Integer.toString(freePort())));
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        configs.put("protected", good());
        Map<String, String> noProjectId = good();
        noProjectId.remove("stytch.project-id");
        noProjectId.put("stytch.web.permissions", "POST /api/** documents:" + SECRET_MARKER);
        configs.put("no-project-id", noProjectId);
        Map<String, String> misspelt = good();
        misspelt.put("stytch.web.permission", "POST /api/** documents:" + SECRET_MARKER);
        configs.put("misspelt-key", misspelt);
        configs.put("context-param", good());
        for (Map.Entry<String, Map<String, String>> app : configs.entrySet()) {
            WebArchive war = ItDeployments.war(app.getKey() + ".war", app.getValue(), SecurityConfiguration.class,
                    ApiApplication.class, DocumentsResource.class, DocumentArchive.class, PublicResource.class,
                    AuthenticationLog.class);
            if (app.getKey().equals("context-param")) {
                war.setWebXML(new StringAsset(webXmlWithContextParam()));
            }
            Path file = wars.resolve(app.getKey() + ".war");
            war.as(ZipExporter.class).exportTo(file.toFile(), true);
            command.add("--deploy");
            command.add(file.toString());
        }
        log = wars.resolve("payara.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STYTCH_WEB_REALM", "from-environment");
        builder.environment().put("STYTCH_WEB_RETURN_PARAMETER", "from_environment");
        keySetFetchesBeforeStart = keySetFetches();
        payara = builder.start();
        base = URI.create("http://127.0.0.1:" + command.get(command.indexOf("--port") + 1) + "/");
        awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (payara != null) {
            payara.destroy();
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        }
        emulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no-project-id | stytch.project-id: is required: stytch-jakarta is in this application",
            "misspelt-key  | stytch.web.permission: is not a stytch-jakarta key (did you mean stytch.web.permissions?)",
            "context-param | stytch.web.public-paths: is a servlet context parameter, but this application reads its "
                    + "Stytch configuration from MicroProfile Config"})
    void deployWhenMisconfiguredThenNotServedAndTheKeyNamed(String app, String problem) throws Exception {
        HttpResponse<String> response = get(app + "/api/documents/me");

        assertThat(response.statusCode()).as("nothing of the WAR is served").isEqualTo(404);
        assertThat(response.body()).doesNotContain("member");
        assertThat(Files.readString(log)).contains(problem).doesNotContain(SECRET_MARKER)
                .doesNotContain(emulator.secret());
    }

    @Test
    void deployWhenConfiguredThenProtectedWithOneStytch() throws Exception {
        TestHttp http = TestHttp.to(base.resolve("protected/")).withHeader("Accept", "application/json");

        HttpResponse<String> anonymous = http.get("/api/documents/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).path("code").asText()).isEqualTo("stytch.missing_token");
        assertThat(http.get("/api/documents/me", bearer(demo.sessions().get("bob@acme.test").sessionJwt())).statusCode())
                .isEqualTo(200);
        assertThat(keySetFetches() - keySetFetchesBeforeStart)
                .as("the filter and the mechanism share one Stytch: one key set prefetch").isEqualTo(1);
    }

    @Test
    void deployWhenRulesDenyUnmatchedMethodsThenAMethodNoRuleNamesIsRefusedBeforeTheApplication() throws Exception {
        TestHttp http = TestHttp.to(base.resolve("protected/")).withHeader("Accept", "application/json");
        String admin = demo.sessions().get("alice@acme.test").sessionJwt();

        HttpResponse<String> delete = http.send(http.request("/api/documents/1").headers(bearer(admin)).DELETE());
        HttpResponse<String> mixedCase = http.send(http.request("/api/documents/1").headers(bearer(admin))
                .method("dElEtE", HttpRequest.BodyPublishers.noBody()));

        assertThat(delete.statusCode()).as("the admin may delete by @RequiresPermission, but no rule names DELETE")
                .isEqualTo(403);
        assertThat(json(delete).path("code").asText()).isEqualTo("stytch.forbidden.unmatched_method");
        assertThat(mixedCase.statusCode()).isEqualTo(403);
        assertThat(json(mixedCase).path("code").asText()).isEqualTo("stytch.forbidden.unmatched_method");
        assertThat(http.get("/api/documents/me", bearer(admin)).statusCode()).isEqualTo(200);
    }

    @Test
    void deployWhenOperatorSettingsDisagreeWithTheWarThenSystemPropertyThenEnvironmentWin() throws Exception {
        HttpResponse<String> challenge = get("protected/api/documents/me");
        HttpResponse<String> navigation = TestHttp.to(base).get("/protected/api/documents/me",
                "Accept", "text/html", "Sec-Fetch-Mode", "navigate");

        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"from-system-property\"");
        assertThat(navigation.statusCode()).isEqualTo(302);
        assertThat(navigation.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).contains("from_environment=").doesNotContain("from_war"));
    }

    private static Map<String, String> good() {
        Map<String, String> config = ItDeployments.emulatorConfig(emulator);
        config.put("stytch.jwks.prefetch", "true");
        config.put("stytch.web.login-page", "/login");
        config.put("stytch.web.realm", "from-war");
        config.put("stytch.web.return-parameter", "from_war");
        config.put("stytch.web.permissions", "GET /api/documents/** documents:read");
        config.put("stytch.web.permissions.unmatched-methods", "deny");
        return config;
    }

    private static String webXmlWithContextParam() {
        return """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>stytch.web.public-paths</param-name><param-value>/api/**</param-value>
                  </context-param>
                </web-app>
                """;
    }

    private static long keySetFetches() {
        return emulator.requestLog().requests().stream().filter(request -> request.path().contains("/sessions/jwks/")).count();
    }

    private static HttpResponse<String> get(String path) {
        return TestHttp.to(base).get("/" + path);
    }

    // every --deploy has been tried once Payara Micro says it is ready
    private static void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!payara.isAlive()) {
                throw new AssertionError("Payara Micro exited: " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains(" ready in ")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Payara Micro not ready within " + START_DEADLINE);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
