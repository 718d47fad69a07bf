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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JWKS cache: rotation, unknown key ids and the refetch rate limit, outages, removed keys. Each test gets its
 * own emulator (the tests change its keys) and a clock both sides share.
 */
class SigningKeysTest {

    private static final String JWKS = "/v1/sessions/jwks/";

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
        assertThat(authenticate(emulator.jwt(session).signedWith(emulator.keys().published().get(0))
                .issuedAt(clock.instant().minusSeconds(1)).mint()).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        assertThat(emulator.requests(JWKS)).hasSize(2);
    }

    @Test
    void authenticateWhenUnknownKeyIdThenOneRefetchPerRateLimitWindow() {
        authenticate(session.sessionJwt());
        EmulatorKey unpublished = emulator.keys().generateUnpublished();
        String unknownKid = emulator.jwt(session).signedWith(unpublished).mint();
        emulator.clearRequests();

        assertRejected(unknownKid, Reason.UNKNOWN_KEY);
        assertThat(emulator.requests(JWKS)).hasSize(1);

        assertRejected(emulator.jwt(session).signedWith(emulator.keys().generateUnpublished()).mint(), Reason.UNKNOWN_KEY);
        assertRejected(emulator.jwt(session).keyId("jwk-test-random").mint(), Reason.UNKNOWN_KEY);
        assertThat(emulator.requests(JWKS)).hasSize(1);

        emulator.keys().publish(unpublished);
        clock.advance(StytchConfig.DEFAULT_JWKS_RATE_LIMIT);

        assertThat(authenticate(unknownKid).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        assertThat(emulator.requests(JWKS)).hasSize(2);
    }

    @Test
    void authenticateWhenFloodOfRandomKeyIdsFromManyThreadsThenAtMostOneRefetch() throws Exception {
        authenticate(session.sessionJwt());
        List<String> forged = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            forged.add(emulator.jwt(session).keyId("jwk-test-random-" + i).mint());
        }
        emulator.clearRequests();
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

        assertThat(emulator.requests(JWKS)).hasSize(1);
    }

    @Test
    void authenticateWhenJwksDownAfterKeysCachedThenTokensStillVerify() {
        authenticate(session.sessionJwt());
        emulator.faults().jwksOutage(true);
        clock.advance(StytchConfig.DEFAULT_JWKS_CACHE_TTL.plusMinutes(1));

        AuthenticatedSession result = authenticate(session.sessionJwt());

        assertThat(result.verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        assertThat(emulator.requests(JWKS)).extracting(RecordedRequest::status).contains(503);
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

        assertThat(emulator.requests(JWKS)).hasSize(2);
    }

    @Test
    void createWhenPrefetchConfiguredThenKeysFetchedAtStartUp() {
        try (Stytch prefetching = Stytch.builder(EmulatorConfigs.builder(emulator, Vertical.CONSUMER).jwksPrefetch(true)
                .build()).clock(clock).build()) {
            assertThat(emulator.requests(JWKS)).hasSize(1);

            prefetching.sessions().authenticate(new SessionJwt(session.sessionJwt()));
            assertThat(emulator.requests(JWKS)).hasSize(1);
        }
    }

    @Test
    void createWhenPrefetchFailsThenStartsAnywayAndFetchesOnFirstUse() {
        emulator.faults().jwksOutage(true);
        try (Stytch prefetching = Stytch.builder(EmulatorConfigs.builder(emulator, Vertical.CONSUMER).jwksPrefetch(true)
                .build()).clock(clock).build()) {
            emulator.faults().clear();

            assertThat(prefetching.sessions().authenticate(new SessionJwt(session.sessionJwt())).verifiedBy())
                    .isEqualTo(VerifiedBy.LOCAL);
            assertThat(emulator.requests(JWKS)).extracting(RecordedRequest::status).isEqualTo(List.of(503, 200));
        }
    }

    private AuthenticatedSession authenticate(String jwt) {
        return stytch.sessions().authenticate(new SessionJwt(jwt));
    }

    private void assertRejected(String jwt, Reason reason) {
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> authenticate(jwt))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
