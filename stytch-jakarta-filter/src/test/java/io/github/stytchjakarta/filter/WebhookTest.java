package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.filter.internal.StytchFilterInitializer;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.JettyServer;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatorWebhooks;
import io.github.stytchjakarta.testkit.LogCapture;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import io.github.stytchjakarta.testkit.WebhookDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook endpoint in a real Jetty, registered by the initializer from configuration, fed by the emulator's
 * signed webhooks and by hand-made deliveries: a revoked session's or deleted member's JWT, verified locally and
 * cached, is refused at the next request; a bad signature, an old timestamp, a replay, a wrong method or an
 * oversized body is refused and changes nothing; without a secret there is no endpoint.
 */
class WebhookTest {

    private static final String SECRET = EmulatorWebhooks.newSecret();
    private static final String PATH = "/app/stytch/webhooks";
    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(20);

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static StytchEmulator emulator;
    private static DemoData demo;
    private static JettyServer server;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @BeforeAll
    static void start() throws Exception {
        emulator = STYTCH.emulator();
        demo = DemoData.seed(emulator);
        Map<String, String> params = params();
        params.put("stytch.webhook.secret", SECRET);
        server = startWithInitializer(params);
        emulator.webhooks().addEndpoint(URI.create(server.baseUri() + PATH), SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void webhookWhenSessionRevokedThenItsCachedJwtIsRefusedAtOnce() throws Exception {
        String bob = demo.sessions().get("bob@acme.test").sessionJwt();
        String carol = demo.sessions().get("carol@acme.test").sessionJwt();
        assertThat(me(bob)).isEqualTo(200);
        assertThat(me(bob)).as("now from the cache").isEqualTo(200);

        int before = emulator.webhooks().deliveries().size();
        emulator.revokeSession(demo.sessions().get("bob@acme.test").sessionId());
        List<WebhookDelivery> deliveries = emulator.webhooks().awaitDeliveries(before + 1, DELIVERY_DEADLINE);

        assertThat(deliveries.get(before).objectType()).isEqualTo("member_session");
        assertThat(deliveries.get(before).status()).isEqualTo(204);
        assertThat(refusal(bob)).as("the JWT still verifies locally, but its session was revoked")
                .isEqualTo("401 stytch.invalid_token.session_not_found");
        assertThat(me(carol)).as("other sessions are untouched").isEqualTo(200);
    }

    @Test
    void webhookWhenMemberDeletedThenTheMembersJwtIsRefusedAtOnce() throws Exception {
        String alice = demo.sessions().get("alice@acme.test").sessionJwt();
        assertThat(me(alice)).isEqualTo(200);

        int before = emulator.webhooks().deliveries().size();
        emulator.deleteMember(demo.alice().memberId());
        List<WebhookDelivery> deliveries = emulator.webhooks().awaitDeliveries(before + 1, DELIVERY_DEADLINE);

        assertThat(deliveries.get(before).objectType()).isEqualTo("member");
        assertThat(deliveries.get(before).objectId()).isEqualTo(demo.alice().memberId());
        assertThat(deliveries.get(before).messageId()).startsWith("msg_");
        assertThat(deliveries.get(before).status()).isEqualTo(204);
        assertThat(refusal(alice)).isEqualTo("401 stytch.invalid_token.session_not_found");
    }

    @Test
    void webhookWhenBadSignatureThen401AndNothingChanges() throws Exception {
        String dave = demo.sessions().get("dave@globex.test").sessionJwt();
        assertThat(me(dave)).isEqualTo(200);
        byte[] body = memberDeleted(demo.dave().memberId());
        String id = messageId();
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> response = deliver(id, now, EmulatorWebhooks.signature(EmulatorWebhooks.newSecret(), id, now, body),
                body);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(EchoServlet.parse(response.body())).containsEntry("code", "stytch.webhook.bad_signature");
        assertThat(me(dave)).isEqualTo(200);
    }

    @Test
    void webhookWhenTimestampOlderThanToleranceThen401AndNothingChanges() throws Exception {
        String dave = demo.sessions().get("dave@globex.test").sessionJwt();
        byte[] body = memberDeleted(demo.dave().memberId());
        String id = messageId();
        long sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();

        HttpResponse<String> response = deliver(id, sixMinutesAgo, EmulatorWebhooks.signature(SECRET, id, sixMinutesAgo, body),
                body);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(EchoServlet.parse(response.body())).containsEntry("code", "stytch.webhook.stale_timestamp");
        assertThat(me(dave)).isEqualTo(200);
    }

    @Test
    void webhookWhenSameMessageTwiceThenSecondIs401Replayed() throws Exception {
        byte[] body = memberDeleted("member-test-" + UUID.randomUUID());
        String id = messageId();
        long now = Instant.now().getEpochSecond();
        String signature = EmulatorWebhooks.signature(SECRET, id, now, body);

        HttpResponse<String> first = deliver(id, now, signature, body);
        HttpResponse<String> replay = deliver(id, now, signature, body);

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(EchoServlet.parse(replay.body())).containsEntry("code", "stytch.webhook.replayed");
    }

    @Test
    void webhookWhenBodyLargerThanLimitThen413() throws Exception {
        byte[] body = new byte[64 * 1024 + 1];
        String id = messageId();
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> response = deliver(id, now, EmulatorWebhooks.signature(SECRET, id, now, body), body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(EchoServlet.parse(response.body())).containsEntry("code", "stytch.webhook.too_large");
    }

    @Test
    void webhookWhenEventOfAnotherKindThenAcceptedAndIgnored() throws Exception {
        String carol = demo.sessions().get("carol@acme.test").sessionJwt();
        int before = emulator.webhooks().deliveries().size();

        emulator.webhooks().send("organization", "UPDATE", demo.acme().organizationId(), Map.of());
        List<WebhookDelivery> deliveries = emulator.webhooks().awaitDeliveries(before + 1, DELIVERY_DEADLINE);

        assertThat(deliveries.get(before).action()).isEqualTo("UPDATE");
        assertThat(deliveries.get(before).url()).isEqualTo(URI.create(server.baseUri() + PATH));
        assertThat(deliveries.get(before).status()).isEqualTo(204);
        assertThat(me(carol)).isEqualTo(200);
    }

    @Test
    void webhookWhenHeadersMissingOrBodyNotAnEventThen400() throws Exception {
        byte[] notAnEvent = "[1, 2]".getBytes(StandardCharsets.UTF_8);
        String id = messageId();
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + PATH))
                .POST(HttpRequest.BodyPublishers.ofByteArray(notAnEvent)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signed = deliver(id, now, EmulatorWebhooks.signature(SECRET, id, now, notAnEvent), notAnEvent);

        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(EchoServlet.parse(unsigned.body())).containsEntry("code", "stytch.webhook.malformed");
        assertThat(signed.statusCode()).isEqualTo(400);
        assertThat(EchoServlet.parse(signed.body())).containsEntry("code", "stytch.webhook.malformed");
    }

    @Test
    void webhookWhenGetThen405WithAllow() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(EchoServlet.parse(response.body())).containsEntry("code", "stytch.webhook.method_not_allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void webhookWhenRefusedThenLogsNeitherBodyNorSecret() throws Exception {
        byte[] body = memberDeleted("member-test-secret-looking-body");
        String id = messageId();
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> response = deliver(id, now, "v1,AAAA", body);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(EchoServlet.parse(response.body())).containsEntry("code", "stytch.webhook.bad_signature");
        assertThat(logs.text()).doesNotContain("secret-looking-body").doesNotContain(SECRET.substring(6));
        assertThat(response.body()).doesNotContain("secret-looking-body").doesNotContain(SECRET.substring(6));
    }

    @Test
    void startWhenNoWebhookSecretThenAppStartsWithoutEndpoint() throws Exception {
        Map<String, String> params = params();
        params.put("stytch.web.public-paths", "/stytch/**");
        try (JettyServer plain = JettyServer.start(initializerContext(params))) {
            byte[] body = memberDeleted(demo.carol().memberId());
            long now = Instant.now().getEpochSecond();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(plain.baseUri() + PATH))
                    .header("svix-id", "msg_1").header("svix-timestamp", Long.toString(now))
                    .header("svix-signature", EmulatorWebhooks.signature(SECRET, "msg_1", now, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

            // the container's own answer for an unmapped path (Jetty's default servlet refuses POST with 405)
            assertThat(response.statusCode()).isIn(404, 405);
            assertThat(response.body()).doesNotContain("stytch.webhook");
        }
        assertThat(me(demo.sessions().get("carol@acme.test").sessionJwt())).isEqualTo(200);
    }

    private static int me(String jwt) throws Exception {
        return server.send(Requests.get("/app/api/me").bearer(jwt)).getStatus();
    }

    /**
     * @return the status and problem code of the answer to {@code GET /app/api/me} with the JWT, e.g.
     *         {@code 401 stytch.invalid_token.expired}
     */
    private static String refusal(String jwt) throws Exception {
        HttpTester.Response response = server.send(Requests.get("/app/api/me").bearer(jwt));
        return response.getStatus() + " " + EchoServlet.parse(response.getContent()).get("code");
    }

    private static HttpResponse<String> deliver(String id, long timestamp, String signature, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + PATH))
                .header("svix-id", id).header("svix-timestamp", Long.toString(timestamp)).header("svix-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] memberDeleted(String memberId) {
        return ("{\"project_id\":\"" + emulator.projectId() + "\",\"event_id\":\"webhook-event-test-" + UUID.randomUUID()
                + "\",\"action\":\"DELETE\",\"object_type\":\"member\",\"source\":\"SCIM\",\"id\":\"" + memberId
                + "\",\"timestamp\":\"2024-01-02T03:04:05.678901Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String messageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("stytch.project-id", emulator.projectId());
        params.put("stytch.secret", emulator.secret());
        params.put("stytch.vertical", "b2b");
        params.put("stytch.base-url", emulator.baseUrl().toString());
        params.put("stytch.http.request-timeout", "PT2S");
        return params;
    }

    private static JettyServer startWithInitializer(Map<String, String> params) throws Exception {
        return JettyServer.servletContext(handler -> {
            params.forEach(handler::setInitParameter);
            handler.addServletContainerInitializer(new ServletContainerInitializerHolder(StytchFilterInitializer.class));
        });
    }

    // no catch-all servlet: what is not registered is the container's
    private static ServletContextHandler initializerContext(Map<String, String> params) {
        ServletContextHandler context = new ServletContextHandler(JettyServer.CONTEXT_PATH);
        params.forEach(context::setInitParameter);
        context.addServletContainerInitializer(new ServletContainerInitializerHolder(StytchFilterInitializer.class));
        return context;
    }
}
