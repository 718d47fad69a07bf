package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfigBuilder;
import io.github.stytchjakarta.core.StytchConfigException;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.StytchWebConfig.AccessTokenKind;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code stytch.web.access-tokens.introspect} in a real Jetty 12: on the listed paths a Connected-App token is also
 * confirmed with Stytch's introspection endpoint (a revoked one is 401, elsewhere it is still accepted), concurrent
 * requests with one token cost one call, a Stytch that cannot answer (or refuses the introspection client) is 503 with
 * {@code Retry-After}, and the paths without an introspection client do not start.
 */
class ConnectedAppIntrospectionPathsTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String INTROSPECT = "/v1/public/";
    private static final int CONCURRENT = 50;

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static DemoData demo;
    private static EmulatedConnectedApp agent;
    private static EmulatedConnectedApp resourceServer;

    private StytchEmulator emulator;
    private String token;
    private StytchApp app;

    @BeforeAll
    static void seed() {
        demo = DemoData.seed(STYTCH.emulator());
        agent = STYTCH.emulator().connectedApps().create(c -> c.name("Agent").type(EmulatedConnectedApp.ClientType.THIRD_PARTY));
        resourceServer = STYTCH.emulator().connectedApps().create(c -> c.name("Documents API"));
    }

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        // a token per test: revoking it must not reach the other tests
        token = emulator.connectedApps().accessToken(demo.bob(), agent, "read:documents");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void doFilterWhenIntrospectedPathAndActiveTokenThenConnectedAppCallerAfterOneCall() throws Exception {
        app = start(UnaryOperator.identity());

        HttpTester.Response response = app.send(Requests.get("/app/mcp/tools").bearer(token));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("principalType", "ConnectedAppCaller")
                .containsEntry("principalName", demo.bob().memberId());
        assertThat(introspections()).hasSize(1);
    }

    @Test
    void doFilterWhenTokenRevokedThen401OnIntrospectedPathAndStillAcceptedOnAnotherPath() throws Exception {
        app = start(UnaryOperator.identity());
        emulator.connectedApps().revoke(token);

        HttpTester.Response refused = app.send(Requests.get("/app/mcp/tools").bearer(token));
        HttpTester.Response elsewhere = app.send(Requests.get("/app/api/me").bearer(token));

        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\", error=\"invalid_token\", "
                + "error_description=\"the token is no longer active\"");
        assertThat(EchoServlet.parse(refused.getContent())).containsEntry("code", "stytch.invalid_token.revoked")
                .doesNotContainKey("principalName");
        assertThat(refused.toString() + refused.getContent()).doesNotContain(token);
        assertThat(elsewhere.getStatus()).as("verified locally only there").isEqualTo(200);
        assertThat(introspections()).hasSize(1);
    }

    @Test
    void doFilterWhenSameTokenConcurrentlyOnIntrospectedPathThenOneIntrospectionCall() throws Exception {
        app = start(UnaryOperator.identity());
        emulator.faults().latency(INTROSPECT, Duration.ofMillis(300));

        List<HttpTester.Response> responses = concurrently(() -> app.send(Requests.get("/app/mcp/tools").bearer(token)));

        assertThat(responses).hasSize(CONCURRENT).allSatisfy(response -> assertThat(response.getStatus()).isEqualTo(200));
        assertThat(introspections()).hasSize(1);
    }

    @Test
    void doFilterWhenStytchDownThen503WithRetryAfterAndNoCaller() throws Exception {
        app = start(UnaryOperator.identity());
        emulator.faults().respond(INTROSPECT, 503);

        HttpTester.Response response = app.send(Requests.get("/app/mcp/tools").bearer(token));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(Integer.parseInt(response.get("Retry-After"))).isPositive();
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable")
                .doesNotContainKey("principalName");
        assertThat(response.toString() + response.getContent()).doesNotContain(token);
        emulator.faults().clear();
    }

    @Test
    void doFilterWhenIntrospectionClientSecretWrongThen503NotTheCallersFault() throws Exception {
        app = start(core -> core.introspectionClientSecret("wrong-secret"));

        HttpTester.Response response = app.send(Requests.get("/app/mcp/tools").bearer(token));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.get("Retry-After")).isNotNull();
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable");
        assertThat(response.toString() + response.getContent()).doesNotContain("wrong-secret");
    }

    @Test
    void startWhenIntrospectedPathsWithoutIntrospectionClientThenConfigProblemNamingTheKeys() {
        StytchConfig core = StytchApp.coreConfig(emulator, Vertical.B2B).build();

        assertThatExceptionOfType(StytchConfigException.class).isThrownBy(() -> StytchApp.start(core, web(), CLOCK))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.key()).isEqualTo(StytchWebConfig.Keys.ACCESS_TOKENS_INTROSPECT);
                    assertThat(problem.message()).contains(StytchConfig.Keys.INTROSPECTION_CLIENT_ID,
                            StytchConfig.Keys.INTROSPECTION_CLIENT_SECRET);
                }));
    }

    private StytchApp start(UnaryOperator<StytchConfigBuilder> core) throws Exception {
        StytchConfigBuilder config = StytchApp.coreConfig(emulator, Vertical.B2B)
                .introspectionClientId(resourceServer.clientId())
                .introspectionClientSecret(resourceServer.clientSecret());
        return StytchApp.start(core.apply(config).build(), web(), CLOCK);
    }

    private static StytchWebConfig web() {
        return StytchWebConfig.builder().accessTokens(Set.of(AccessTokenKind.SESSION, AccessTokenKind.CONNECTED_APP))
                .introspectionPaths(List.of("/mcp/**")).build();
    }

    private List<?> introspections() {
        return emulator.requestLog().requests(INTROSPECT).stream().filter(call -> call.path().endsWith("/oauth2/introspect"))
                .toList();
    }

    private static List<HttpTester.Response> concurrently(Callable<HttpTester.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpTester.Response>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<HttpTester.Response> responses = new ArrayList<>();
            for (Future<HttpTester.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
