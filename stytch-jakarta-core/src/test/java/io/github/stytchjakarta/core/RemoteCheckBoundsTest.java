package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.AuthenticatedSession.VerifiedBy;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.SessionCredential.SessionToken;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One call per credential: concurrent remote checks of one credential share a call, Stytch's refusals are
 * remembered for {@code stytch.cache.refused-ttl}, an expired JWT's remote result is reused until the JWT Stytch
 * returned with it expires, and an opaque token's only when {@code stytch.cache.opaque-tokens} is on.
 */
class RemoteCheckBoundsTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String AUTHENTICATE = "/v1/sessions/authenticate";
    private static final int CONCURRENT = 50;

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private StytchEmulator emulator;
    private EmulatedSession session;
    private final List<Stytch> facades = new ArrayList<>();

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        session = emulator.createSession(emulator.createUser(u -> u.email("grace@example.com")),
                s -> s.duration(Duration.ofHours(1)));
    }

    @AfterEach
    void tearDown() {
        facades.forEach(Stytch::close);
    }

    @Test
    void authenticateWhenSameExpiredJwtConcurrentlyThenOneCall() throws Exception {
        Stytch stytch = stytch(UnaryOperator.identity());
        String expired = emulator.tokens().jwt(session).expired().mint();
        emulator.faults().latency(AUTHENTICATE, Duration.ofMillis(300));

        List<AuthenticatedSession> results = concurrently(() -> stytch.authenticator().authenticate(new SessionJwt(expired)));

        assertThat(results).hasSize(CONCURRENT)
                .allSatisfy(result -> assertThat(result.principal().sessionId()).isEqualTo(session.sessionId()));
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(1);
    }

    @Test
    void authenticateWhenSameExpiredJwtAgainThenReusedUntilRefreshedJwtExpires() {
        Stytch stytch = stytch(UnaryOperator.identity());
        String expired = emulator.tokens().jwt(session).expired().mint();

        AuthenticatedSession first = stytch.authenticator().authenticate(new SessionJwt(expired));
        AuthenticatedSession second = stytch.authenticator().authenticate(new SessionJwt(expired));
        emulator.revokeSession(session.sessionId());
        CLOCK.advance(Duration.ofMinutes(6));

        assertThat(first.verifiedBy()).isEqualTo(VerifiedBy.REMOTE);
        assertThat(second.verifiedBy()).isEqualTo(VerifiedBy.CACHE);
        assertThat(second.refreshedJwt()).isEqualTo(first.refreshedJwt());
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(1);
        assertThatExceptionOfType(InvalidTokenException.class)
                .as("once the refreshed JWT would have expired, Stytch is asked again")
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(expired)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_NOT_FOUND));
    }

    @Test
    void authenticateWhenUnknownOpaqueTokenRepeatedThenOneCallUntilRefusedTtlPasses() {
        Stytch stytch = stytch(UnaryOperator.identity());
        SessionToken unknown = new SessionToken("x".repeat(44));

        for (int i = 0; i < 10; i++) {
            assertThatExceptionOfType(InvalidTokenException.class)
                    .isThrownBy(() -> stytch.authenticator().authenticate(unknown))
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_NOT_FOUND));
        }
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(1);

        CLOCK.advance(StytchConfig.DEFAULT_CACHE_REFUSED_TTL);
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> stytch.authenticator().authenticate(unknown));
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(2);
    }

    @Test
    void authenticateWhenSameUnknownOpaqueTokenConcurrentlyThenOneCallAndEveryCallerRefused() throws Exception {
        Stytch stytch = stytch(UnaryOperator.identity());
        emulator.faults().latency(AUTHENTICATE, Duration.ofMillis(300));

        List<Object> outcomes = concurrentOutcomes(() -> stytch.authenticator().authenticate(new SessionToken("y".repeat(44))));

        assertThat(outcomes).hasSize(CONCURRENT).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_NOT_FOUND)));
        assertThat(outcomes).as("a fresh exception per caller").doesNotHaveDuplicates();
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(1);
    }

    @Test
    void authenticateWhenRefusedTtlZeroThenEveryRefusalIsACall() {
        Stytch stytch = stytch(config -> config.cacheRefusedTtl(Duration.ZERO));
        SessionToken unknown = new SessionToken("z".repeat(44));

        for (int i = 0; i < 3; i++) {
            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> stytch.authenticator().authenticate(unknown));
        }

        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(3);
    }

    @Test
    void authenticateWhenStytchFailsThenFailureSharedButNotRemembered() throws Exception {
        Stytch stytch = stytch(config -> config.httpMaxRetries(0));
        emulator.faults().latency(AUTHENTICATE, Duration.ofMillis(300)).respond(AUTHENTICATE, 500);

        List<Object> outcomes = concurrentOutcomes(() -> stytch.authenticator().authenticate(new SessionToken(session.sessionToken())));
        emulator.faults().clear();

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(StytchUnavailableException.class));
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(1);
        assertThat(stytch.authenticator().authenticate(new SessionToken(session.sessionToken())).verifiedBy())
                .isEqualTo(VerifiedBy.REMOTE);
    }

    @Test
    void authenticateWhenMoreConcurrentCallsThanSlotsThenTheOthersRefusedWithRetryAfter() throws Exception {
        Stytch stytch = stytch(config -> config.httpMaxConcurrentCalls(2).httpCircuitFailureThreshold(0));
        emulator.faults().latency(AUTHENTICATE, Duration.ofSeconds(2));
        AtomicInteger tokens = new AtomicInteger();

        List<Object> outcomes = concurrentOutcomes(() -> stytch.authenticator()
                .authenticate(new SessionToken("t".repeat(40) + String.format("%04d", tokens.incrementAndGet()))));

        assertThat(outcomes).filteredOn(InvalidTokenException.class::isInstance).as("the two calls made").hasSize(2);
        assertThat(outcomes).filteredOn(StytchUnavailableException.class::isInstance).hasSize(CONCURRENT - 2)
                .allSatisfy(refused -> assertThat(((StytchUnavailableException) refused).retryAfter()).hasValue(Duration.ofSeconds(1)));
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(2);
    }

    @Test
    void authenticateWhenOpaqueCachingOffThenRevocationSeenAtOnce() {
        Stytch stytch = stytch(UnaryOperator.identity());
        SessionToken token = new SessionToken(session.sessionToken());

        assertThat(stytch.authenticator().authenticate(token).verifiedBy()).isEqualTo(VerifiedBy.REMOTE);
        assertThat(stytch.authenticator().authenticate(token).verifiedBy()).isEqualTo(VerifiedBy.REMOTE);
        emulator.revokeSession(session.sessionId());

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> stytch.authenticator().authenticate(token))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_NOT_FOUND));
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(3);
    }

    @Test
    void authenticateWhenOpaqueCachingOnThenReusedUntilItsJwtExpires() {
        Stytch stytch = stytch(config -> config.cacheOpaqueTokens(true));
        SessionToken token = new SessionToken(session.sessionToken());

        assertThat(stytch.authenticator().authenticate(token).verifiedBy()).isEqualTo(VerifiedBy.REMOTE);
        emulator.revokeSession(session.sessionId());
        AuthenticatedSession cached = stytch.authenticator().authenticate(token);
        CLOCK.advance(Duration.ofMinutes(4));
        AuthenticatedSession stillCached = stytch.authenticator().authenticate(token);
        CLOCK.advance(Duration.ofMinutes(2));

        assertThat(cached.verifiedBy()).as("the documented trade-off: as long as the JWT would be accepted").isEqualTo(VerifiedBy.CACHE);
        assertThat(stillCached.verifiedBy()).isEqualTo(VerifiedBy.CACHE);
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> stytch.authenticator().authenticate(token))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_NOT_FOUND));
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(2);
    }

    private Stytch stytch(UnaryOperator<StytchConfigBuilder> settings) {
        Stytch stytch = Stytch.builder(settings.apply(EmulatorConfigs.builder(emulator, Vertical.CONSUMER)).build())
                .clock(CLOCK).build();
        facades.add(stytch);
        return stytch;
    }

    private static <T> List<T> concurrently(Callable<T> call) throws Exception {
        List<T> results = new ArrayList<>();
        for (Object outcome : concurrentOutcomes(call)) {
            if (outcome instanceof Throwable failure) {
                throw new AssertionError("a caller failed", failure);
            }
            @SuppressWarnings("unchecked")
            T result = (T) outcome;
            results.add(result);
        }
        return results;
    }

    // each caller's result or exception; all start together so that they overlap the one call
    private static List<Object> concurrentOutcomes(Callable<?> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
