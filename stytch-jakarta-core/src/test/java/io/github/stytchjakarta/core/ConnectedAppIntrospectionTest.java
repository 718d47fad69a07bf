package io.github.stytchjakarta.core;

import static io.github.stytchjakarta.testkit.EmulatedPolicy.permission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Confirming Connected-App tokens with Stytch's introspection endpoint (emulator over HTTP): active and revoked
 * tokens, no call for a token refused locally, one call for concurrent requests, the answer cache, a wrong client
 * secret and an unavailable Stytch.
 */
class ConnectedAppIntrospectionTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String INTROSPECT = "/v1/public/";
    private static final int CONCURRENT = 50;
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("stytch.token.kind");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("stytch.outcome");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("stytch.reason");

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    private StytchEmulator emulator;
    private EmulatedConnectedApp agent;
    private EmulatedConnectedApp resourceServer;
    private EmulatedMember bob;
    private String token;
    private final List<Stytch> facades = new ArrayList<>();

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        emulator.rbac().setB2bPolicy(EmulatedPolicy.defaultB2bPolicy().toBuilder()
                .resource("documents", "Documents", "read", "write")
                .scope("read:documents", "Read documents", permission("documents", "read")).build());
        agent = emulator.connectedApps().create(c -> c.name("Agent").type(EmulatedConnectedApp.ClientType.THIRD_PARTY));
        resourceServer = emulator.connectedApps().create(c -> c.name("Documents API"));
        EmulatedOrganization acme = emulator.createOrganization(o -> o.name("Acme"));
        bob = emulator.createMember(acme, m -> m.email("bob@acme.test"));
        token = emulator.connectedApps().accessToken(bob, agent, "read:documents");
    }

    @AfterEach
    void tearDown() {
        facades.forEach(Stytch::close);
    }

    @Test
    void introspectWhenActiveTokenThenCallerWithClaimsAfterOneFormCallWithTheClientCredentials() {
        Stytch stytch = stytch(UnaryOperator.identity());

        ConnectedAppCaller caller = stytch.connectedAppVerifier().introspect(token, "read:documents");

        assertThat(caller.subject()).isEqualTo(bob.memberId());
        assertThat(caller.clientId()).isEqualTo(agent.clientId());
        assertThat(caller.scopes()).containsExactly("read:documents");
        assertThat(introspections()).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/v1/public/" + emulator.projectId() + "/oauth2/introspect");
            assertThat(call.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(call.header("Authorization")).as("the project secret is not sent to a public endpoint").isNull();
            assertThat(call.body()).contains("client_id=" + resourceServer.clientId());
        });
        assertThat(sums()).containsEntry(Attributes.of(KIND, "connected_app", OUTCOME, "remote"), 1L);
    }

    @Test
    void introspectWhenTokenRevokedThenRevokedWhileLocalVerificationStillAcceptsIt() {
        Stytch stytch = stytch(UnaryOperator.identity());
        emulator.connectedApps().revoke(token);

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.connectedAppVerifier().introspect(token))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        assertThat(stytch.connectedAppVerifier().verify(token).subject()).isEqualTo(bob.memberId());
        assertThat(sums()).containsEntry(Attributes.of(KIND, "connected_app", OUTCOME, "refused", REASON, "revoked"), 1L);
    }

    @Test
    void introspectWhenRevokedTokenAgainThenRefusedWithoutAnotherCall() {
        Stytch stytch = stytch(UnaryOperator.identity());
        emulator.connectedApps().revoke(token);

        for (int i = 0; i < 3; i++) {
            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> stytch.connectedAppVerifier().introspect(token));
        }

        assertThat(introspections()).hasSize(1);
    }

    @Test
    void introspectWhenTokenRefusedLocallyThenNoIntrospectionCall() {
        Stytch stytch = stytch(UnaryOperator.identity());
        String forged = emulator.tokens().connectedAppToken(bob, agent, "read:documents")
                .signedWith(emulator.keys().generateUnpublished()).mint();
        String expired = emulator.tokens().connectedAppToken(bob, agent, "read:documents").expired().mint();

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> stytch.connectedAppVerifier().introspect(forged));
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> stytch.connectedAppVerifier().introspect(expired))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
        assertThatExceptionOfType(InsufficientScopeException.class)
                .isThrownBy(() -> stytch.connectedAppVerifier().introspect(token, "write:documents"));

        assertThat(introspections()).isEmpty();
    }

    @Test
    void introspectWhenSameTokenConcurrentlyThenOneCall() throws Exception {
        Stytch stytch = stytch(UnaryOperator.identity());
        emulator.faults().latency(INTROSPECT, Duration.ofMillis(300));

        List<Object> outcomes = concurrently(() -> stytch.connectedAppVerifier().introspect(token));

        assertThat(outcomes).hasSize(CONCURRENT).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(ConnectedAppCaller.class, caller -> assertThat(caller.subject()).isEqualTo(bob.memberId())));
        assertThat(introspections()).hasSize(1);
    }

    @Test
    void introspectWhenSameRevokedTokenConcurrentlyThenOneCallAndEveryCallerRefused() throws Exception {
        Stytch stytch = stytch(UnaryOperator.identity());
        emulator.connectedApps().revoke(token);
        emulator.faults().latency(INTROSPECT, Duration.ofMillis(300));

        List<Object> outcomes = concurrently(() -> stytch.connectedAppVerifier().introspect(token));

        assertThat(outcomes).hasSize(CONCURRENT).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED)));
        assertThat(outcomes).as("a fresh exception per caller").doesNotHaveDuplicates();
        assertThat(introspections()).hasSize(1);
    }

    @Test
    void introspectWhenWithinCacheTtlThenAnswerReusedAndRevocationSeenOnceItPasses() {
        Stytch stytch = stytch(config -> config.introspectionCacheTtl(Duration.ofSeconds(10)));

        stytch.connectedAppVerifier().introspect(token);
        emulator.connectedApps().revoke(token);
        CLOCK.advance(Duration.ofSeconds(9));
        ConnectedAppCaller cached = stytch.connectedAppVerifier().introspect(token);

        assertThat(cached.subject()).as("the documented trade-off: revocation seen within the TTL").isEqualTo(bob.memberId());
        assertThat(introspections()).hasSize(1);
        assertThat(sums()).containsEntry(Attributes.of(KIND, "connected_app", OUTCOME, "cache"), 1L);
        CLOCK.advance(Duration.ofSeconds(1));
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> stytch.connectedAppVerifier().introspect(token))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED));
        assertThat(introspections()).hasSize(2);
    }

    @Test
    void introspectWhenCacheTtlZeroThenEveryRequestAsks() {
        Stytch stytch = stytch(config -> config.introspectionCacheTtl(Duration.ZERO));

        for (int i = 0; i < 3; i++) {
            stytch.connectedAppVerifier().introspect(token);
        }

        assertThat(introspections()).hasSize(3);
    }

    @Test
    void introspectWhenCacheTtlLongerThanTokenLifeThenAnswerNotReusedPastExp() {
        Stytch stytch = stytch(config -> config.introspectionCacheTtl(Duration.ofHours(2)));
        String shortLived = emulator.tokens().connectedAppToken(bob, agent, "read:documents")
                .expiresAt(CLOCK.instant().plusSeconds(60)).mint();

        stytch.connectedAppVerifier().introspect(shortLived);
        CLOCK.advance(Duration.ofSeconds(59));
        stytch.connectedAppVerifier().introspect(shortLived);
        CLOCK.advance(Duration.ofSeconds(11));

        assertThat(introspections()).hasSize(1);
        assertThatExceptionOfType(InvalidTokenException.class)
                .as("inside the clock skew locally, but Stytch's answer ended at exp: Stytch is asked, and says inactive")
                .isThrownBy(() -> stytch.connectedAppVerifier().introspect(shortLived))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED));
        assertThat(introspections()).hasSize(2);
    }

    @Test
    void introspectWhenClientSecretWrongThenApplicationProblemNotTokenRefusal() {
        Stytch stytch = stytch(config -> config.introspectionClientSecret("wrong-secret"));

        assertThatExceptionOfType(StytchApiException.class)
                .isThrownBy(() -> stytch.connectedAppVerifier().introspect(token))
                .satisfies(e -> assertThat(e.statusCode()).isEqualTo(401))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret").doesNotContain(token));
        assertThat(sums()).containsEntry(Attributes.of(KIND, "connected_app", OUTCOME, "unavailable"), 1L);
    }

    @Test
    void introspectWhenStytchFailsThenUnavailableWithRetryAfterOnceTheCircuitOpens() {
        Stytch stytch = stytch(config -> config.httpMaxRetries(0).httpCircuitFailureThreshold(1));
        emulator.faults().respond(INTROSPECT, 503);

        assertThatExceptionOfType(StytchUnavailableException.class).isThrownBy(() -> stytch.connectedAppVerifier().introspect(token));
        assertThatExceptionOfType(StytchUnavailableException.class).isThrownBy(() -> stytch.connectedAppVerifier().introspect(token))
                .satisfies(e -> assertThat(e.retryAfter()).isPresent());

        assertThat(introspections()).as("the open circuit fails the second at once").hasSize(1);
        assertThat(sums()).containsEntry(Attributes.of(KIND, "connected_app", OUTCOME, "unavailable"), 2L);
        emulator.faults().clear();
    }

    @Test
    void introspectWhenNoIntrospectionClientConfiguredThenIllegalStateNamingTheKeys() {
        Stytch stytch = track(Stytch.create(EmulatorConfigs.b2b(emulator)));

        assertThatIllegalStateException().isThrownBy(() -> stytch.connectedAppVerifier().introspect(token))
                .withMessageContaining(StytchConfig.Keys.INTROSPECTION_CLIENT_ID)
                .withMessageContaining(StytchConfig.Keys.INTROSPECTION_CLIENT_SECRET);
    }

    @Test
    void buildWhenIntrospectionClientIdWithoutSecretThenProblemNamingTheSecretKey() {
        StytchConfigBuilder builder = EmulatorConfigs.builder(emulator, Vertical.B2B).introspectionClientId(resourceServer.clientId());

        assertThatExceptionOfType(StytchConfigException.class).isThrownBy(builder::build)
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::key)
                        .containsExactly(StytchConfig.Keys.INTROSPECTION_CLIENT_SECRET));
    }

    @Test
    void toStringWhenIntrospectionClientSecretSetThenMasked() {
        StytchConfig config = introspecting(EmulatorConfigs.builder(emulator, Vertical.B2B)).build();

        assertThat(config.toString()).doesNotContain(resourceServer.clientSecret()).contains(resourceServer.clientId());
    }

    private Stytch stytch(UnaryOperator<StytchConfigBuilder> settings) {
        StytchConfig config = settings.apply(introspecting(EmulatorConfigs.builder(emulator, Vertical.B2B))).build();
        return track(Stytch.builder(config).clock(CLOCK).openTelemetry(OTEL.getOpenTelemetry()).build());
    }

    private StytchConfigBuilder introspecting(StytchConfigBuilder builder) {
        return builder.introspectionClientId(resourceServer.clientId()).introspectionClientSecret(resourceServer.clientSecret());
    }

    private Stytch track(Stytch stytch) {
        facades.add(stytch);
        return stytch;
    }

    private List<RecordedRequest> introspections() {
        return emulator.requestLog().requests(INTROSPECT).stream().filter(call -> call.path().endsWith("/oauth2/introspect"))
                .toList();
    }

    private static Map<Attributes, Long> sums() {
        return OTEL.getMetrics().stream().filter(metric -> metric.getName().equals("stytch.authentications"))
                .flatMap(metric -> metric.getLongSumData().getPoints().stream())
                .collect(Collectors.toMap(PointData::getAttributes, point -> point.getValue()));
    }

    private static List<Object> concurrently(Callable<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
