package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import io.github.stytchjakarta.core.AuthenticatedSession.VerifiedBy;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.SessionCredential.SessionToken;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The remote side of the fallback policy: expired or too old JWTs and opaque tokens go to sessions/authenticate. */
class SessionAuthenticatorRemoteTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String AUTHENTICATE = "/v1/sessions/authenticate";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private StytchEmulator emulator;
    private Stytch stytch;
    private EmulatedSession session;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        stytch = Stytch.builder(EmulatorConfigs.consumer(emulator)).clock(CLOCK).build();
        session = emulator.createSession(emulator.createUser(u -> u.email("grace@example.com")),
                s -> s.duration(Duration.ofHours(1)));
    }

    @AfterEach
    void tearDown() {
        stytch.close();
    }

    @Test
    void authenticateWhenJwtExpiredThenRefreshedRemotelyAndNewJwtVerifiesLocally() {
        String expired = emulator.tokens().jwt(session).expired().mint();

        AuthenticatedSession result = stytch.authenticator().authenticate(new SessionJwt(expired));

        assertThat(result.verifiedBy()).isEqualTo(VerifiedBy.REMOTE);
        assertThat(result.principal().sessionId()).isEqualTo(session.sessionId());
        String refreshed = result.refreshedJwt().orElseThrow();
        assertThat(refreshed).isNotEqualTo(expired);
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).singleElement().satisfies(request -> {
            assertThat(request.authenticated()).isTrue();
            assertThat(request.body()).contains("\"session_jwt\"").doesNotContain("session_duration_minutes");
        });
        assertThat(stytch.authenticator().authenticate(new SessionJwt(refreshed)).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
    }

    @Test
    void authenticateWhenExpiredJwtOfRevokedSessionThenSessionNotFound() {
        String expired = emulator.tokens().jwt(session).expired().mint();
        emulator.revokeSession(session.sessionId());

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(expired)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_NOT_FOUND))
                .withCauseInstanceOf(StytchApiException.class);
    }

    @Test
    void authenticateWhenValidJwtOfRevokedSessionThenStillAcceptedLocallyUntilItExpires() {
        String jwt = session.sessionJwt();
        emulator.revokeSession(session.sessionId());

        assertThat(stytch.authenticator().authenticate(new SessionJwt(jwt)).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
    }

    @Test
    void authenticateWhenSessionTokenThenCheckedRemotelyWithFreshJwt() {
        AuthenticatedSession result = stytch.authenticator().authenticate(new SessionToken(session.sessionToken()));

        assertThat(result.verifiedBy()).isEqualTo(VerifiedBy.REMOTE);
        assertThat(result.principal()).isInstanceOfSatisfying(StytchUser.class,
                user -> assertThat(user.sessionId()).isEqualTo(session.sessionId()));
        assertThat(result.refreshedJwt()).isPresent();
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).singleElement()
                .satisfies(request -> assertThat(request.body()).contains("\"session_token\""));
    }

    @Test
    void authenticateWhenSessionTokenRevokedThenSessionNotFound() {
        emulator.revokeSession(session.sessionId());

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionToken(session.sessionToken())))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_NOT_FOUND));
    }

    @Test
    void authenticateWhenUnknownSessionTokenThenSessionNotFound() {
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionToken("A".repeat(44))))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_NOT_FOUND));
    }

    @Test
    void authenticateWhenJwtOlderThanMaxTokenAgeThenRefreshedRemotely() {
        try (Stytch strict = stytch(EmulatorConfigs.builder(emulator, Vertical.CONSUMER)
                .maxTokenAge(Duration.ofMinutes(1)).build())) {
            String twoMinutesOld = emulator.tokens().jwt(session).issuedAt(CLOCK.instant().minus(Duration.ofMinutes(2))).mint();

            AuthenticatedSession result = strict.authenticator().authenticate(new SessionJwt(twoMinutesOld));

            assertThat(result.verifiedBy()).isEqualTo(VerifiedBy.REMOTE);
            assertThat(strict.authenticator().authenticate(new SessionJwt(result.refreshedJwt().orElseThrow())).verifiedBy())
                    .isEqualTo(VerifiedBy.LOCAL);
        }
    }

    @Test
    void authenticateWhenSessionDurationConfiguredThenRemoteCheckExtendsSession() {
        try (Stytch extending = stytch(EmulatorConfigs.builder(emulator, Vertical.CONSUMER)
                .sessionDurationMinutes(600).build())) {
            AuthenticatedSession result = extending.authenticator().authenticate(new SessionToken(session.sessionToken()));

            assertThat(result.principal().sessionExpiresAt())
                    .isCloseTo(CLOCK.instant().plus(Duration.ofMinutes(600)), within(1, ChronoUnit.SECONDS));
            assertThat(emulator.requestLog().requests(AUTHENTICATE)).singleElement()
                    .satisfies(request -> assertThat(request.body()).contains("\"session_duration_minutes\":600"));
        }
    }

    @Test
    void authenticateWhenStytchFailsOnceThenReadOnlyCheckIsRetried() {
        emulator.faults().respond(AUTHENTICATE, 503, 1);

        AuthenticatedSession result = stytch.authenticator().authenticate(new SessionToken(session.sessionToken()));

        assertThat(result.verifiedBy()).isEqualTo(VerifiedBy.REMOTE);
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).extracting(RecordedRequest::status).containsExactly(503, 200);
    }

    @Test
    void authenticateWhenExtendingAndStytchFailsThenNotRetried() {
        try (Stytch extending = stytch(EmulatorConfigs.builder(emulator, Vertical.CONSUMER)
                .sessionDurationMinutes(60).build())) {
            emulator.faults().respond(AUTHENTICATE, 500, 1);

            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> extending.authenticator().authenticate(new SessionToken(session.sessionToken())))
                    .satisfies(e -> assertThat(e.statusCode()).hasValue(500));
            assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(1);
        }
    }

    @Test
    void authenticateWhenStytchKeepsFailingThenUnavailableAfterRetries() {
        emulator.faults().respond(AUTHENTICATE, 500);

        assertThatExceptionOfType(StytchUnavailableException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(emulator.tokens().jwt(session).expired().mint())))
                .satisfies(e -> assertThat(e.statusCode()).hasValue(500));
        assertThat(emulator.requestLog().requests(AUTHENTICATE)).hasSize(1 + StytchConfig.DEFAULT_HTTP_MAX_RETRIES);
    }

    @Test
    void authenticateWhenConnectionResetThenUnavailable() {
        emulator.faults().resetConnection(AUTHENTICATE);

        assertThatExceptionOfType(StytchUnavailableException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionToken(session.sessionToken())))
                .satisfies(e -> assertThat(e.statusCode()).isEmpty());
    }

    @Test
    void authenticateWhenStytchSlowerThanRequestTimeoutThenUnavailable() {
        try (Stytch impatient = stytch(EmulatorConfigs.builder(emulator, Vertical.CONSUMER)
                .httpRequestTimeout(Duration.ofMillis(500)).httpMaxRetries(0).build())) {
            emulator.faults().latency(AUTHENTICATE, Duration.ofSeconds(5));

            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> impatient.authenticator().authenticate(new SessionToken(session.sessionToken())))
                    .withMessageContaining("HttpTimeoutException");
        }
    }

    @Test
    void authenticateWhenSecretWrongThenApiErrorNotInvalidToken() {
        StytchConfig wrongSecret = EmulatorConfigs.builder(emulator, Vertical.CONSUMER).secret("secret-test-wrong").build();
        try (Stytch misconfigured = stytch(wrongSecret)) {
            assertThatExceptionOfType(StytchApiException.class)
                    .isThrownBy(() -> misconfigured.authenticator().authenticate(new SessionToken(session.sessionToken())))
                    .satisfies(e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.errorType()).isEqualTo("unauthorized_credentials");
                        assertThat(e.requestId()).isPresent();
                        assertThat(e.errorUrl()).isNotBlank();
                    })
                    .withMessageNotContaining("secret-test-wrong")
                    .withMessageNotContaining(session.sessionToken());
        }
    }

    @Test
    void authenticateWhenSeveralCallsFailThenNoTokenInAnyMessage() {
        emulator.faults().respond(AUTHENTICATE, 500);
        String expired = emulator.tokens().jwt(session).expired().mint();

        List<Throwable> failures = List.of(
                catchAny(() -> stytch.authenticator().authenticate(new SessionJwt(expired))),
                catchAny(() -> stytch.authenticator().authenticate(new SessionToken(session.sessionToken()))));

        assertThat(failures).allSatisfy(failure -> assertThat(failure.getMessage())
                .doesNotContain(expired).doesNotContain(session.sessionToken()).doesNotContain(emulator.secret()));
    }

    private Stytch stytch(StytchConfig config) {
        return Stytch.builder(config).clock(CLOCK).build();
    }

    private static Throwable catchAny(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
