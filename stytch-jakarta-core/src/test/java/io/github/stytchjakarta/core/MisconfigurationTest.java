package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.SessionCredential.SessionToken;
import io.github.stytchjakarta.core.internal.http.StytchHttp;
import io.github.stytchjakarta.core.internal.jwt.JwksKeyStore;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.core.support.ForeignServer;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.LogCapture;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A wrong base URL, project id or JWKS URL is told apart from a bad token: it gives
 * {@link StytchUnavailableException} (503), never "session not found", and a throttled WARNING that
 * names the URL and status, without the token or the secret.
 */
class MisconfigurationTest {

    private static final String PROJECT = "project-test-11111111-2222-3333-4444-555555555555";
    private static final String SECRET = "secret-test-do-not-print-me-c2VjcmV0";
    private static final String TOKEN = "mZAYn5aLEqKUlZ_Ad9U_fWr38GaAQ1oFAhT8ds245v7Q";
    private static final String AUTHENTICATE = "/v1/sessions/authenticate";
    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    // the validators are package-private
    private static final String ISSUER_LOGGER = "io.github.stytchjakarta.core.internal.jwt.IssuerValidator";
    private static final String AUDIENCE_LOGGER = "io.github.stytchjakarta.core.internal.jwt.AudienceValidator";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private StytchEmulator emulator;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
    }

    @Test
    void authenticateWhenBaseUrlAnswers404HtmlThenUnavailableAndOneWarningNamingUrlAndStatus() {
        try (ForeignServer server = ForeignServer.html(404); Stytch stytch = Stytch.create(foreign(server))) {
            for (int i = 0; i < 2; i++) {
                assertThatExceptionOfType(StytchUnavailableException.class)
                        .isThrownBy(() -> stytch.authenticator().authenticate(new SessionToken(TOKEN)))
                        .satisfies(e -> assertThat(e.statusCode()).hasValue(404))
                        .withMessageNotContaining(TOKEN);
            }

            assertThat(server.requests()).isEqualTo(2); // a 404 is not retried
            assertThat(log.messages(Level.WARNING, StytchHttp.class)).containsExactly("Stytch API call POST "
                    + server.baseUrl() + AUTHENTICATE + " answered HTTP 404 without a Stytch error body:"
                    + " check stytch.base-url (and stytch.project-id)");
            assertThat(log.text()).doesNotContain(TOKEN, SECRET, "Basic ", "<html>");
        }
    }

    @Test
    void authenticateWhenBaseUrlAnswers200HtmlThenUnavailableAndWarning() {
        try (ForeignServer server = ForeignServer.html(200); Stytch stytch = Stytch.create(foreign(server))) {
            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> stytch.authenticator().authenticate(new SessionToken(TOKEN)));

            assertThat(log.messages(Level.WARNING, StytchHttp.class)).containsExactly("Stytch API call POST "
                    + server.baseUrl() + AUTHENTICATE + " answered HTTP 200 with a body that is not Stytch's JSON:"
                    + " check stytch.base-url (and stytch.project-id)");
            assertThat(log.text()).doesNotContain(TOKEN, SECRET, "<html>");
        }
    }

    @Test
    void authenticateWhenBaseUrlAnswers500HtmlThenUnavailableAfterRetriesAndOneWarning() {
        try (ForeignServer server = ForeignServer.html(500);
             Stytch stytch = Stytch.create(EmulatorConfigs.builder(emulator, Vertical.CONSUMER).projectId(PROJECT)
                     .secret(SECRET).baseUrl(server.baseUrl()).httpMaxRetries(1).build())) {
            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> stytch.authenticator().authenticate(new SessionToken(TOKEN)))
                    .satisfies(e -> assertThat(e.statusCode()).hasValue(500));

            assertThat(server.requests()).isEqualTo(2);
            assertThat(log.messages(Level.WARNING, StytchHttp.class)).containsExactly("Stytch API call POST "
                    + server.baseUrl() + AUTHENTICATE + " answered HTTP 500 without a Stytch error body:"
                    + " check stytch.base-url (and stytch.project-id)");
        }
    }

    @Test
    void authenticateWhenJsonErrorBodyIsNotStytchsThenUnavailable() {
        // what a Spring Boot application answers for an unknown path
        String springError = "{\"timestamp\":\"2024-01-01T00:00:00Z\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}";
        try (ForeignServer server = ForeignServer.json(404, springError); Stytch stytch = Stytch.create(foreign(server))) {
            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> stytch.authenticator().authenticate(new SessionToken(TOKEN)));

            assertThat(log.messages(Level.WARNING, StytchHttp.class)).singleElement().asString()
                    .contains("answered HTTP 404 without a Stytch error body");
        }
    }

    @Test
    void authenticateWhenStytchAnswers404SessionNotFoundThenStillRejectedWithoutWarning() {
        try (Stytch stytch = Stytch.create(EmulatorConfigs.consumer(emulator))) {
            assertThatExceptionOfType(InvalidTokenException.class)
                    .isThrownBy(() -> stytch.authenticator().authenticate(new SessionToken(TOKEN)))
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_NOT_FOUND))
                    .withCauseInstanceOf(StytchApiException.class);

            assertThat(log.messages(Level.WARNING, StytchHttp.class)).isEmpty();
        }
    }

    @Test
    void jwtWhenJwksAnswers404ThenUnavailableAndWarningNamingUrlAndStatus() {
        EmulatedSession session = session();
        String jwt = emulator.tokens().jwt(session).mint();
        try (ForeignServer server = ForeignServer.html(404);
             Stytch stytch = Stytch.create(EmulatorConfigs.builder(emulator, Vertical.CONSUMER)
                     .baseUrl(server.baseUrl()).build())) {
            for (int i = 0; i < 2; i++) {
                assertThatExceptionOfType(StytchUnavailableException.class)
                        .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(jwt)));
            }

            assertThat(log.messages(Level.WARNING, JwksKeyStore.class)).containsExactly(
                    "JWT signing keys could not be fetched from " + server.baseUrl() + "/v1/sessions/jwks/"
                            + emulator.projectId() + ": HTTP 404; check stytch.base-url, stytch.project-id and"
                            + " stytch.vertical (or stytch.jwks.url)");
            assertThat(log.text()).doesNotContain(jwt, emulator.secret(), "<html>");
        }
    }

    @Test
    void jwtWhenJwksAnswers200HtmlThenWarningSaysNoKeySet() {
        String jwt = emulator.tokens().jwt(session()).mint();
        try (ForeignServer server = ForeignServer.html(200);
             Stytch stytch = Stytch.create(EmulatorConfigs.builder(emulator, Vertical.CONSUMER)
                     .baseUrl(server.baseUrl()).build())) {
            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(jwt)));

            assertThat(log.messages(Level.WARNING, JwksKeyStore.class)).singleElement().asString()
                    .contains(server.baseUrl() + "/v1/sessions/jwks/", ": the answer is not a JSON Web Key Set;")
                    .doesNotContain("<html>");
        }
    }

    @Test
    void jwtWhenJwksUnreachableThenWarningNamesUrlAndIoErrorClass() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + freePort() + "/v1/sessions/jwks/" + emulator.projectId());
        String jwt = emulator.tokens().jwt(session()).mint();
        try (Stytch stytch = Stytch.create(EmulatorConfigs.builder(emulator, Vertical.CONSUMER).jwksUrl(nowhere).build())) {
            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(jwt)));

            assertThat(log.messages(Level.WARNING, JwksKeyStore.class)).containsExactly(
                    "JWT signing keys could not be fetched from " + nowhere + ": ConnectException; check"
                            + " stytch.base-url, stytch.project-id and stytch.vertical (or stytch.jwks.url)");
        }
    }

    @Test
    void jwtWhenIssuedForAnotherProjectThenRefusedAndOneWarningPerMinute() {
        String jwt = emulator.tokens().jwt(session()).issuer("stytch.com/project-test-other").mint();
        try (Stytch stytch = Stytch.builder(EmulatorConfigs.consumer(emulator)).clock(CLOCK).build()) {
            for (int i = 0; i < 2; i++) {
                assertThatExceptionOfType(InvalidTokenException.class)
                        .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(jwt)))
                        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_ISSUER));
            }
            List<String> afterTwo = log.messages(Level.WARNING, ISSUER_LOGGER);
            CLOCK.advance(Duration.ofSeconds(61));
            assertThatExceptionOfType(InvalidTokenException.class)
                    .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(jwt)));

            assertThat(afterTwo).containsExactly("JWT issuer not accepted: received \"stytch.com/project-test-other\","
                    + " expected one of [stytch.com/" + emulator.projectId() + ", " + emulator.baseUrl() + "];"
                    + " check stytch.project-id / stytch.base-url / stytch.jwt.issuers");
            assertThat(log.messages(Level.WARNING, ISSUER_LOGGER)).hasSize(2);
            assertThat(log.text()).doesNotContain(jwt);
            assertThat(emulator.requestLog().requests()).isEmpty(); // refused locally, as before
        }
    }

    @Test
    void jwtWhenIssuerHoldsLogInjectionThenWarningShowsItReducedAndShortened() {
        String hostile = "evil\nSEVERE: forged line <script>" + "x".repeat(200);
        String jwt = emulator.tokens().jwt(session()).issuer(hostile).mint();
        try (Stytch stytch = Stytch.create(EmulatorConfigs.consumer(emulator))) {
            assertThatExceptionOfType(InvalidTokenException.class)
                    .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(jwt)));

            assertThat(log.messages(Level.WARNING, ISSUER_LOGGER)).singleElement().asString()
                    .contains("received \"evil?SEVERE:?forged?line??script?xxx")
                    .contains("x...\", expected one of")
                    .doesNotContain("\n", "<script>", "x".repeat(100));
        }
    }

    @Test
    void jwtWhenAudienceIsAnotherProjectThenRefusedAndWarningNamesAudienceKey() {
        String jwt = emulator.tokens().jwt(session()).audience("project-test-other").mint();
        try (Stytch stytch = Stytch.create(EmulatorConfigs.consumer(emulator))) {
            for (int i = 0; i < 2; i++) {
                assertThatExceptionOfType(InvalidTokenException.class)
                        .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(jwt)))
                        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_AUDIENCE));
            }

            assertThat(log.messages(Level.WARNING, AUDIENCE_LOGGER)).containsExactly(
                    "JWT audience not accepted: received \"project-test-other\", expected " + emulator.projectId()
                            + "; check stytch.jwt.audience / stytch.project-id");
        }
    }

    private StytchConfig foreign(ForeignServer server) {
        return EmulatorConfigs.builder(emulator, Vertical.CONSUMER).projectId(PROJECT).secret(SECRET)
                .baseUrl(server.baseUrl()).build();
    }

    private EmulatedSession session() {
        return emulator.createSession(emulator.createUser(u -> u.email("misconfigured-" + System.nanoTime() + "@example.com")),
                s -> s.duration(Duration.ofHours(1)));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
