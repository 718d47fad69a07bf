package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.SessionCredential.SessionToken;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Metrics and spans through the OpenTelemetry API, read with the SDK's in-memory exporters: authentications by
 * outcome, one client span and duration per call to Stytch, the gauges, and no personal data or token anywhere.
 */
class TelemetryTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("stytch.outcome");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("stytch.reason");

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    private StytchEmulator emulator;
    private Stytch stytch;
    private EmulatedUser user;
    private EmulatedSession session;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        stytch = Stytch.builder(EmulatorConfigs.consumer(emulator)).clock(CLOCK).openTelemetry(OTEL.getOpenTelemetry()).build();
        user = emulator.createUser(u -> u.email("grace@example.com"));
        session = emulator.createSession(user, s -> s.duration(Duration.ofHours(1)));
    }

    @AfterEach
    void tearDown() {
        stytch.close();
    }

    @Test
    void authenticateWhenEachOutcomeThenCountedByOutcomeAndReason() {
        stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt()));
        stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt()));
        stytch.authenticator().authenticate(new SessionToken(session.sessionToken()));
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt("not-a-jwt")));

        Map<Attributes, Long> counts = sums("stytch.authentications");

        assertThat(counts).containsEntry(Attributes.of(AttributeKey.stringKey("stytch.token.kind"), "session", OUTCOME, "local"), 1L)
                .containsEntry(Attributes.of(AttributeKey.stringKey("stytch.token.kind"), "session", OUTCOME, "cache"), 1L)
                .containsEntry(Attributes.of(AttributeKey.stringKey("stytch.token.kind"), "session", OUTCOME, "remote"), 1L)
                .containsEntry(Attributes.of(AttributeKey.stringKey("stytch.token.kind"), "session", OUTCOME, "refused",
                        REASON, "malformed"), 1L);
    }

    @Test
    void authenticateWhenRemoteThenClientSpanAndDurationWithTemplatesOnly() {
        stytch.authenticator().authenticate(new SessionToken(session.sessionToken()));
        stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt()));

        List<SpanData> spans = OTEL.getSpans();
        assertThat(spans).extracting(SpanData::getName)
                .containsExactlyInAnyOrder("POST /v1/sessions/authenticate", "GET /v1/sessions/jwks/{id}");
        assertThat(spans).allSatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        });
        assertThat(OTEL.getMetrics()).filteredOn(metric -> metric.getName().equals("stytch.client.request.duration"))
                .singleElement().satisfies(metric -> assertThat(metric.getHistogramData().getPoints()).hasSize(2));
        assertNoPersonalData();
    }

    @Test
    void callWhenStytchFailsThenSpanAndDurationCarryTheErrorType() {
        emulator.faults().respond("/v1/sessions/authenticate", 500);

        assertThatExceptionOfType(StytchUnavailableException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionToken(session.sessionToken())));

        assertThat(OTEL.getSpans()).singleElement().satisfies(span ->
                assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("500"));
        assertThat(sums("stytch.authentications")).containsEntry(Attributes.of(
                AttributeKey.stringKey("stytch.token.kind"), "session", OUTCOME, "unavailable"), 1L);
    }

    @Test
    void gaugesWhenKeysFetchedThenAgeCircuitAndCacheEntriesReported() {
        stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt()));

        Map<String, List<PointData>> gauges = OTEL.getMetrics().stream()
                .filter(metric -> metric.getName().startsWith("stytch.") && !metric.getName().equals("stytch.authentications")
                        && !metric.getName().equals("stytch.client.request.duration"))
                .collect(Collectors.toMap(MetricData::getName, metric -> List.copyOf(metric.getData().getPoints())));

        assertThat(gauges).containsKeys("stytch.circuit.open", "stytch.jwks.age", "stytch.cache.entries")
                .doesNotContainKey("stytch.rbac.policy.age");
        assertThat(gauges.get("stytch.cache.entries")).hasSize(4); // sessions, refused, m2m, connected_app
    }

    @Test
    void readinessWhenNothingFetchedYetThenFetchesAndIsReady() {
        StytchReadiness readiness = stytch.readiness();

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.keySetAge()).isPresent();
        assertThat(readiness.policyAge()).isPresent();
    }

    @Test
    void readinessWhenStytchFailsThenNotReadyAndCircuitOpenAfterFailures() {
        emulator.faults().respond("/v1/", 500);

        StytchReadiness first = stytch.readiness();
        for (int i = 0; i < StytchConfig.DEFAULT_HTTP_CIRCUIT_FAILURE_THRESHOLD; i++) {
            stytch.readiness();
        }

        assertThat(first.ready()).isFalse();
        assertThat(first.keysLoaded()).isFalse();
        assertThat(stytch.readiness().circuitClosed()).isFalse();
    }

    @Test
    void builderWhenNotAnOpenTelemetryThenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Stytch.builder(EmulatorConfigs.consumer(emulator)).openTelemetry("otel").build());
    }

    private static Map<Attributes, Long> sums(String name) {
        return OTEL.getMetrics().stream().filter(metric -> metric.getName().equals(name))
                .flatMap(metric -> metric.getLongSumData().getPoints().stream())
                .collect(Collectors.toMap(PointData::getAttributes, point -> point.getValue()));
    }

    private void assertNoPersonalData() {
        String everything = OTEL.getSpans().toString() + OTEL.getMetrics();
        assertThat(everything).doesNotContain(session.sessionToken()).doesNotContain(session.sessionJwt())
                .doesNotContain(session.sessionId()).doesNotContain(user.userId()).doesNotContain("grace@example.com")
                .doesNotContain(emulator.projectId()).doesNotContain(emulator.secret());
    }
}
