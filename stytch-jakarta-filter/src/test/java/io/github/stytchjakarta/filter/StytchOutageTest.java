package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.EmulatorFaults;
import io.github.stytchjakarta.testkit.LogCapture;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stytch in trouble, through the emulator's fault injection on every endpoint (API and key set): hung, refusing
 * connections, answering 429 with {@code Retry-After}, answering 500. Requests with a JWT verifiable with the cached
 * keys are served as usual throughout; requests that need Stytch get 503 with {@code Retry-After}, the first ones
 * within the request timeout and, once the circuit breaker opened, at once without a call; when Stytch is back,
 * one probe closes the circuit. Nothing sensitive reaches a response or the log.
 */
class StytchOutageTest {

    private static final int FAILURE_THRESHOLD = 3;
    private static final Duration OPEN_DURATION = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
    private static final int THREADS = 4;
    private static final int REQUESTS = 16;

    /** The faults, each applied to every path. */
    enum Fault {
        HUNG(faults -> faults.latency("/v1/", Duration.ofMinutes(1))),
        REFUSING(faults -> faults.resetConnection("/v1/")),
        RATE_LIMITED(faults -> faults.respond("/v1/", 429)),
        FAILING(faults -> faults.respond("/v1/", 500));

        private final Consumer<EmulatorFaults> apply;

        Fault(Consumer<EmulatorFaults> apply) {
            this.apply = apply;
        }
    }

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.atSystemTime();
    private StytchEmulator emulator;
    private StytchApp app;
    private EmulatedSession jwtSession;
    private final List<EmulatedSession> opaqueSessions = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        emulator = StytchEmulator.builder().clock(clock).build().start();
        StytchConfig core = StytchApp.coreConfig(emulator, Vertical.CONSUMER)
                .httpConnectTimeout(REQUEST_TIMEOUT)
                .httpRequestTimeout(REQUEST_TIMEOUT)
                .httpCircuitFailureThreshold(FAILURE_THRESHOLD)
                .httpCircuitOpenDuration(OPEN_DURATION)
                .build();
        app = StytchApp.start(core, StytchWebConfig.builder().build(), clock);
        EmulatedUser user = emulator.createUser(u -> u.email("grace@example.com"));
        jwtSession = emulator.createSession(user, s -> s.duration(Duration.ofHours(1)));
        for (int i = 0; i < REQUESTS; i++) {
            opaqueSessions.add(emulator.createSession(user, s -> s.duration(Duration.ofHours(1))));
        }
        assertThat(jwtRequest().getStatus()).as("a first request caches the signing keys").isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        emulator.close();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void doFilterWhenStytchFailsThenRefusedFastJwtServedAndRecovered(Fault fault) throws Exception {
        fault.apply.accept(emulator.faults());
        emulator.requestLog().clear();

        List<HttpTester.Response> refused = sendConcurrently(opaqueSessions);

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(Integer.parseInt(response.get("Retry-After"))).isBetween(1, 10);
            assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable");
        });
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            assertThat(jwtRequest().getStatus()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a cached-key JWT never waits for Stytch")
                    .isLessThan(REQUEST_TIMEOUT);
        }

        emulator.faults().clear();
        HttpTester.Response recovered = awaitOpaqueRequestServed(opaqueSessions.get(0));
        assertThat(recovered.getStatus()).isEqualTo(200);
        assertThat(opaqueRequest(opaqueSessions.get(1)).getStatus()).as("the circuit closed").isEqualTo(200);
        assertThat(calls()).as("calls while failing (the circuit opened after the first wave), then the probe and one more")
                .isLessThanOrEqualTo(THREADS + FAILURE_THRESHOLD + 2L);
        assertNothingLeaked(refused);
    }

    @Test
    void doFilterWhenCircuitOpenThenRetryAfterIsTheTimeLeftAndNoCallIsMade() throws Exception {
        emulator.faults().respond("/v1/sessions/authenticate", 500);
        for (int i = 0; i < FAILURE_THRESHOLD; i++) {
            assertThat(opaqueRequest(opaqueSessions.get(i)).getStatus()).isEqualTo(503);
        }
        emulator.requestLog().clear();

        HttpTester.Response fastFailed = opaqueRequest(opaqueSessions.get(FAILURE_THRESHOLD));

        assertThat(fastFailed.getStatus()).isEqualTo(503);
        assertThat(EchoServlet.parse(fastFailed.getContent())).containsEntry("code", "stytch.unavailable");
        assertThat(fastFailed.get("Retry-After")).isEqualTo("1");
        assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).isEmpty();
    }

    @Test
    void doFilterWhenProbeFailsThenCircuitOpensAgain() throws Exception {
        emulator.faults().respond("/v1/sessions/authenticate", 500);
        for (int i = 0; i < FAILURE_THRESHOLD; i++) {
            opaqueRequest(opaqueSessions.get(i));
        }
        Thread.sleep(OPEN_DURATION.toMillis() + 100);
        emulator.requestLog().clear();

        HttpTester.Response probe = opaqueRequest(opaqueSessions.get(0));
        HttpTester.Response next = opaqueRequest(opaqueSessions.get(1));

        assertThat(List.of(probe, next)).allSatisfy(response -> {
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable");
        });

        assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).as("only the probe was sent").hasSize(1);
    }

    @Test
    void doFilterWhenKeysNeverLoadedAndStytchHungThenBearerGets503AndThenFailsFast() throws Exception {
        StytchConfig core = StytchApp.coreConfig(emulator, Vertical.CONSUMER)
                .httpConnectTimeout(REQUEST_TIMEOUT)
                .httpRequestTimeout(REQUEST_TIMEOUT)
                .httpCircuitFailureThreshold(1)
                .httpCircuitOpenDuration(Duration.ofMinutes(1))
                .build();
        emulator.faults().latency("/v1/", Duration.ofMinutes(1));
        try (StytchApp cold = StytchApp.start(core, StytchWebConfig.builder().build(), clock)) {
            HttpTester.Response first = cold.send(Requests.get("/app/api/me").bearer(jwtSession.sessionJwt()));
            long start = System.nanoTime();
            HttpTester.Response second = cold.send(Requests.get("/app/api/me").bearer(jwtSession.sessionJwt()));

            assertThat(List.of(first, second)).allSatisfy(response -> {
                assertThat(response.getStatus()).isEqualTo(503);
                assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.unavailable");
            });
            assertThat(Integer.parseInt(second.get("Retry-After"))).isBetween(50, 60);
            // a call would have waited for the hung emulator: a hung call is only logged once released, so time tells
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no call, no wait for the key set")
                    .isLessThan(REQUEST_TIMEOUT);
        }
    }

    private List<HttpTester.Response> sendConcurrently(List<EmulatedSession> sessions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<HttpTester.Response>> answers = new ArrayList<>();
            for (EmulatedSession session : sessions) {
                answers.add(pool.submit(() -> opaqueRequest(session)));
            }
            List<HttpTester.Response> responses = new ArrayList<>();
            for (Future<HttpTester.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpTester.Response awaitOpaqueRequestServed(EmulatedSession session) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpTester.Response response = opaqueRequest(session);
        while (response.getStatus() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = opaqueRequest(session);
        }
        return response;
    }

    // the calls the emulator received: hung ones are recorded once the cleared fault releases them
    private long calls() throws InterruptedException {
        long count = emulator.requestLog().requests("/v1/sessions/authenticate").size();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(50);
            long now = emulator.requestLog().requests("/v1/sessions/authenticate").size();
            if (now == count) {
                break;
            }
            count = now;
        }
        return count;
    }

    private HttpTester.Response jwtRequest() throws Exception {
        return app.send(Requests.get("/app/api/me").cookie("stytch_session_jwt", jwtSession.sessionJwt()));
    }

    private HttpTester.Response opaqueRequest(EmulatedSession session) throws Exception {
        return app.send(Requests.get("/app/api/me").cookie("stytch_session", session.sessionToken()));
    }

    private void assertNothingLeaked(List<HttpTester.Response> responses) {
        String log = logs.text();
        assertThat(log).doesNotContain(emulator.secret()).doesNotContain(jwtSession.sessionJwt());
        for (EmulatedSession session : opaqueSessions) {
            assertThat(log).doesNotContain(session.sessionToken());
            assertThat(responses).allSatisfy(response -> assertThat(response.getContent()).doesNotContain(session.sessionToken()));
        }
        assertThat(responses).allSatisfy(response -> assertThat(response.getContent()).doesNotContain("Exception")
                .doesNotContain("at io.github"));
    }
}
