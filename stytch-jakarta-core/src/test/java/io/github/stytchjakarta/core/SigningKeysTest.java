package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.AuthenticatedSession.VerifiedBy;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatorKey;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JWKS cache: rotation (also under concurrency and under a flood of random key ids), unknown key ids and the
 * refetch rate limit, outages, removed keys. Each test gets its own emulator (the tests change its keys) and a clock
 * both sides share; the flood runs on that clock, so no test waits for the rate limit.
 */
class SigningKeysTest {

    private static final String JWKS = "/v1/sessions/jwks/";
    private static final int CONCURRENT_REQUESTS = 320;
    // long enough that every thread asks while the fetch is in flight, even on a loaded machine
    private static final Duration SLOW_FETCH = Duration.ofSeconds(1);
    private static final Duration FLOOD = Duration.ofMinutes(1);
    private static final Duration FLOOD_STEP = Duration.ofMillis(250);
    private static final int FORGED_PER_STEP = 4;
    // the bounds the README states for the defaults; the clock does not move during a fetch, so the fetch time is 0
    private static final Duration STATED_ACCEPTANCE_BOUND = Duration.ofSeconds(5);
    private static final int STATED_FETCHES_PER_MINUTE = 12;

    private final MutableClock clock = MutableClock.atSystemTime();
    private StytchEmulator emulator;
    private Stytch stytch;
    private EmulatedSession session;

    @BeforeEach
    void setUp() {
        emulator = StytchEmulator.builder().clock(clock).build().start();
        stytch = Stytch.builder(EmulatorConfigs.consumer(emulator)).clock(clock).build();
        session = emulator.createSession(emulator.createUser(u -> u.email("linus@example.com")),
                s -> s.duration(Duration.ofDays(1)));
    }

    @AfterEach
    void tearDown() {
        stytch.close();
        emulator.close();
    }

    @Test
    void authenticateWhenKeyRotatedThenOldAndNewTokensVerify() {
        String signedWithOldKey = session.sessionJwt();
        assertThat(authenticate(signedWithOldKey).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);

        emulator.keys().rotate();
        String signedWithNewKey = session.sessionJwt();

        assertThat(authenticate(signedWithNewKey).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        assertThat(authenticate(emulator.tokens().jwt(session).signedWith(emulator.keys().published().get(0))
                .issuedAt(clock.instant().minusSeconds(1)).mint()).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        assertThat(emulator.requestLog().requests(JWKS)).hasSize(2);
    }

    @Test
    void authenticateWhenUnknownKeyIdThenOneRefetchPerRateLimitWindow() {
        authenticate(session.sessionJwt());
        EmulatorKey unpublished = emulator.keys().generateUnpublished();
        String unknownKid = emulator.tokens().jwt(session).signedWith(unpublished).mint();
        emulator.requestLog().clear();

        assertRejected(unknownKid, Reason.UNKNOWN_KEY);
        assertThat(emulator.requestLog().requests(JWKS)).hasSize(1);

        assertRejected(emulator.tokens().jwt(session).signedWith(emulator.keys().generateUnpublished()).mint(), Reason.UNKNOWN_KEY);
        assertRejected(emulator.tokens().jwt(session).keyId("jwk-test-random").mint(), Reason.UNKNOWN_KEY);
        assertThat(emulator.requestLog().requests(JWKS)).hasSize(1);

        emulator.keys().publish(unpublished);
        clock.advance(StytchConfig.DEFAULT_JWKS_RATE_LIMIT);

        assertThat(authenticate(unknownKid).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        assertThat(emulator.requestLog().requests(JWKS)).hasSize(2);
    }

    @Test
    void authenticateWhenFloodOfRandomKeyIdsFromManyThreadsThenAtMostOneRefetch() throws Exception {
        authenticate(session.sessionJwt());
        List<String> forged = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            forged.add(emulator.tokens().jwt(session).keyId("jwk-test-random-" + i).mint());
        }
        emulator.requestLog().clear();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reason>> outcomes = new ArrayList<>();
            for (String token : forged) {
                outcomes.add(threads.submit(() -> {
                    try {
                        authenticate(token);
                        return null;
                    } catch (InvalidTokenException e) {
                        return e.reason();
                    }
                }));
            }
            for (Future<Reason> outcome : outcomes) {
                assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(Reason.UNKNOWN_KEY);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(emulator.requestLog().requests(JWKS)).hasSize(1);
    }

    @Test
    void authenticateWhenManyRequestsCarryANewKeyDuringASlowFetchThenAllAcceptedAfterOneFetch() throws Exception {
        authenticate(session.sessionJwt());
        emulator.keys().rotate();
        List<String> signedWithNewKey = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            signedWithNewKey.add(emulator.tokens().jwt(session).claim("request", i).mint()); // distinct: none is served from the cache
        }
        emulator.requestLog().clear();
        emulator.faults().latency(JWKS, SLOW_FETCH);

        List<Object> outcomes = concurrently(stytch, signedWithNewKey);

        assertThat(outcomes).hasSize(CONCURRENT_REQUESTS).allMatch(outcome -> outcome == VerifiedBy.LOCAL);
        assertThat(emulator.requestLog().requests(JWKS)).hasSize(1);
    }

    @Test
    void authenticateWhenTheFetchForANewKeyFailsThenEveryWaiterIsUnavailableNotRefused() throws Exception {
        try (Stytch intolerant = Stytch.builder(EmulatorConfigs.builder(emulator, Vertical.CONSUMER)
                .jwksOutageTolerance(Duration.ZERO).build()).clock(clock).build()) {
            intolerant.authenticator().authenticate(new SessionJwt(session.sessionJwt()));
            emulator.keys().rotate();
            List<String> signedWithNewKey = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                signedWithNewKey.add(emulator.tokens().jwt(session).claim("request", i).mint());
            }
            emulator.requestLog().clear();
            emulator.faults().latency(JWKS, SLOW_FETCH).jwksOutage(true);

            List<Object> outcomes = concurrently(intolerant, signedWithNewKey);

            assertThat(outcomes).hasSize(32).allMatch(outcome -> outcome == StytchUnavailableException.class);
            assertThat(emulator.requestLog().requests(JWKS)).hasSize(1);
        }
    }

    @Test
    void authenticateWhenRandomKeyIdFloodStartsBeforeRotationThenNewKeyAcceptedWithinRateLimitAndFetchesBounded() {
        authenticate(session.sessionJwt());
        emulator.requestLog().clear();
        Instant floodStart = clock.instant();
        assertRejected(randomKeyId(), Reason.UNKNOWN_KEY); // the forged token just before the rotation: one fetch
        emulator.keys().rotate();
        Instant rotated = clock.instant();
        String signedWithNewKey = session.sessionJwt();
        Duration acceptedAfter = null;
        int forged = 1;

        while (clock.instant().isBefore(floodStart.plus(FLOOD))) {
            for (int i = 0; i < FORGED_PER_STEP; i++, forged++) {
                assertRejected(randomKeyId(), Reason.UNKNOWN_KEY);
            }
            if (acceptedAfter == null && accepted(signedWithNewKey)) {
                acceptedAfter = Duration.between(rotated, clock.instant());
            }
            clock.advance(FLOOD_STEP);
        }

        assertThat(acceptedAfter).isNotNull().isLessThanOrEqualTo(STATED_ACCEPTANCE_BOUND);
        assertThat(forged).isGreaterThan(900);
        assertThat(emulator.requestLog().requests(JWKS)).hasSizeLessThanOrEqualTo(STATED_FETCHES_PER_MINUTE);
    }

    @Test
    void authenticateWhenJwksDownAfterKeysCachedThenTokensStillVerify() {
        authenticate(session.sessionJwt());
        emulator.faults().jwksOutage(true);
        clock.advance(StytchConfig.DEFAULT_JWKS_CACHE_TTL.plusMinutes(1));

        AuthenticatedSession result = authenticate(session.sessionJwt());

        assertThat(result.verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        assertThat(emulator.requestLog().requests(JWKS)).extracting(RecordedRequest::status).contains(503);
    }

    @Test
    void authenticateWhenJwksDownLongerThanOutageToleranceThenUnavailable() {
        authenticate(session.sessionJwt());
        emulator.faults().jwksOutage(true);
        clock.advance(StytchConfig.DEFAULT_JWKS_OUTAGE_TOLERANCE.plusMinutes(1));

        assertThatExceptionOfType(StytchUnavailableException.class)
                .isThrownBy(() -> authenticate(session.sessionJwt()));
    }

    @Test
    void authenticateWhenJwksDownAndNothingCachedThenUnavailableNotInvalid() {
        emulator.faults().jwksOutage(true);

        assertThatExceptionOfType(StytchUnavailableException.class)
                .isThrownBy(() -> authenticate(session.sessionJwt()))
                .withMessageContaining("no JWT signing keys available");
    }

    @Test
    void authenticateWhenKeyWithdrawnThenCachedTokensOfItAreFlushed() {
        EmulatorKey oldKey = emulator.keys().signingKey();
        String signedWithOldKey = session.sessionJwt();
        authenticate(signedWithOldKey);
        assertThat(authenticate(signedWithOldKey).verifiedBy()).isEqualTo(VerifiedBy.CACHE);

        emulator.keys().rotate();
        emulator.keys().unpublish(oldKey.kid());
        authenticate(session.sessionJwt());

        assertRejected(signedWithOldKey, Reason.UNKNOWN_KEY);
    }

    @Test
    void authenticateWhenCacheTtlPassesThenKeysRefetched() {
        authenticate(session.sessionJwt());
        clock.advance(StytchConfig.DEFAULT_JWKS_CACHE_TTL.plusSeconds(1));

        authenticate(session.sessionJwt());

        assertThat(emulator.requestLog().requests(JWKS)).hasSize(2);
    }

    @Test
    void createWhenPrefetchConfiguredThenKeysFetchedAtStartUp() {
        try (Stytch prefetching = Stytch.builder(EmulatorConfigs.builder(emulator, Vertical.CONSUMER).jwksPrefetch(true)
                .build()).clock(clock).build()) {
            assertThat(emulator.requestLog().requests(JWKS)).hasSize(1);

            prefetching.authenticator().authenticate(new SessionJwt(session.sessionJwt()));
            assertThat(emulator.requestLog().requests(JWKS)).hasSize(1);
        }
    }

    @Test
    void createWhenPrefetchFailsThenStartsAnywayAndFetchesOnFirstUse() {
        emulator.faults().jwksOutage(true);
        try (Stytch prefetching = Stytch.builder(EmulatorConfigs.builder(emulator, Vertical.CONSUMER).jwksPrefetch(true)
                .build()).clock(clock).build()) {
            emulator.faults().clear();

            assertThat(prefetching.authenticator().authenticate(new SessionJwt(session.sessionJwt())).verifiedBy())
                    .isEqualTo(VerifiedBy.LOCAL);
            assertThat(emulator.requestLog().requests(JWKS)).extracting(RecordedRequest::status).isEqualTo(List.of(503, 200));
        }
    }

    private String randomKeyId() {
        return emulator.tokens().jwt(session).keyId("jwk-test-" + UUID.randomUUID()).mint();
    }

    private boolean accepted(String jwt) {
        try {
            authenticate(jwt);
            return true;
        } catch (InvalidTokenException e) {
            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY);
            return false;
        }
    }

    // each token's outcome: how it was verified, or the class of what it threw
    private static List<Object> concurrently(Stytch verifier, List<String> tokens) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tokens.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (String token : tokens) {
                futures.add(threads.submit(() -> {
                    start.await();
                    try {
                        return verifier.authenticator().authenticate(new SessionJwt(token)).verifiedBy();
                    } catch (InvalidTokenException e) {
                        return e.reason();
                    } catch (StytchUnavailableException e) {
                        return e.getClass();
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private AuthenticatedSession authenticate(String jwt) {
        return stytch.authenticator().authenticate(new SessionJwt(jwt));
    }

    private void assertRejected(String jwt, Reason reason) {
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> authenticate(jwt))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
