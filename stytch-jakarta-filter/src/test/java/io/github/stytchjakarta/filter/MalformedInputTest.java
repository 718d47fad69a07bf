package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatorKey;
import io.github.stytchjakarta.testkit.HostileTokens;
import io.github.stytchjakarta.testkit.LogCapture;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything a client can garble gets 400 or 401 with the problem code that names what is wrong, never a 500,
 * and the offending token appears neither in the response nor in the logs (DEBUG included). Jetty accepts request headers of up to
 * {@link io.github.stytchjakarta.filter.support.JettyServer#MAX_REQUEST_HEADER_SIZE} bytes here, so the
 * 64 KB inputs reach the filter rather than being refused by Jetty with 431.
 */
class MalformedInputTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String HUGE = "A".repeat(64 * 1024);
    private static final String MALFORMED = "stytch.invalid_token.malformed";
    private static final String DUPLICATE = "stytch.invalid_request.duplicate_credentials";
    // Jetty drops a cookie it cannot read, so the filter sees no credential at all
    private static final String DROPPED_COOKIE = "stytch.missing_token";
    // Jetty answers an ambiguous URI itself, before any filter runs: no problem body
    private static final String REFUSED_BY_JETTY = null;

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private static StytchApp app;
    private static EmulatorKey unpublishedKey;

    private Genuine genuine;

    /** Genuine material the hostile inputs are made from. */
    record Genuine(String jwt, String sessionToken, RSAKey publishedKey, String unknownKeyJwt, String wronglyTypedJwt) {
    }

    /** A hostile request and the token in it that must not leak. */
    record Hostile(Requests request, String token) {
    }

    /** One row of the table. */
    record Case(String name, int expectedStatus, String expectedCode, Function<Genuine, Hostile> hostile) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void startApp() throws Exception {
        app = StytchApp.start(STYTCH.emulator(), CLOCK, web -> web.loginPage("/login"));
        unpublishedKey = STYTCH.emulator().keys().generateUnpublished();
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
    }

    @BeforeEach
    void mintGenuineTokens() {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> u.email("mallory@example.com")),
                s -> s.duration(Duration.ofHours(1)));
        genuine = new Genuine(session.sessionJwt(), session.sessionToken(), emulator.keys().signingKey().publicJwk(),
                emulator.tokens().jwt(session).signedWith(unpublishedKey).mint(),
                emulator.tokens().jwt(session).claim("exp", "tomorrow").mint());
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("bad base64 in a bearer JWT", 401, MALFORMED, g -> bearer(HostileTokens.badBase64Payload(g.jwt()))),
                new Case("truncated bearer JWT", 401, MALFORMED, g -> bearer(HostileTokens.truncated(g.jwt()))),
                new Case("truncated JWT cookie", 401, MALFORMED, g -> jwtCookie(HostileTokens.truncated(g.jwt()))),
                new Case("64 KB bearer header", 401, MALFORMED, g -> bearer("eyJ" + HUGE)),
                new Case("64 KB JWT cookie", 401, MALFORMED, g -> jwtCookie("eyJ" + HUGE)),
                new Case("64 KB session cookie", 401, MALFORMED, g -> sessionCookie(HUGE)),
                new Case("alg none", 401, "stytch.invalid_token.unsupported_algorithm", g -> bearer(HostileTokens.algNone(g.jwt()))),
                new Case("HS256 signed with the public key", 401, "stytch.invalid_token.unsupported_algorithm",
                        g -> bearer(HostileTokens.hs256WithPublicKey(g.jwt(), g.publishedKey()))),
                new Case("JWE instead of a JWS", 401, "stytch.invalid_token.unsupported_algorithm",
                        g -> bearer(HostileTokens.jwe(g.jwt(), g.publishedKey()))),
                new Case("unknown kid", 401, "stytch.invalid_token.unknown_key", g -> bearer(g.unknownKeyJwt())),
                new Case("tampered signature", 401, "stytch.invalid_token.bad_signature",
                        g -> jwtCookie(HostileTokens.tamperedSignature(g.jwt()))),
                new Case("payload not JSON", 401, MALFORMED, g -> bearer(HostileTokens.notJsonPayload(g.jwt()))),
                new Case("claim of the wrong JSON type", 401, MALFORMED, g -> bearer(g.wronglyTypedJwt())),
                new Case("empty bearer token", 401, MALFORMED,
                        g -> new Hostile(Requests.get("/app/api/me").header("Authorization", "Bearer "), "")),
                new Case("garbage opaque session token", 401, MALFORMED, g -> sessionCookie("not-a-session-token-$$$")),
                new Case("two bearer headers", 400, DUPLICATE, g -> new Hostile(Requests.get("/app/api/me").bearer(g.jwt())
                        .bearer(HostileTokens.tamperedSignature(g.jwt())), g.jwt())),
                new Case("duplicate JWT cookies", 400, DUPLICATE, g -> new Hostile(Requests.get("/app/api/me")
                        .cookie("stytch_session_jwt", g.jwt())
                        .cookie("stytch_session_jwt", HostileTokens.tamperedSignature(g.jwt())), g.jwt())),
                new Case("duplicate session cookies", 400, DUPLICATE, g -> new Hostile(Requests.get("/app/api/me")
                        .cookie("stytch_session", g.sessionToken()).cookie("stytch_session", g.sessionToken() + "x"), g.sessionToken())),
                new Case("non-ASCII JWT cookie", 401, DROPPED_COOKIE, g -> jwtCookie(g.jwt() + "\u00e9\u00fc")),
                new Case("non-ASCII session cookie", 401, DROPPED_COOKIE, g -> sessionCookie("\u00e9t\u00e9" + g.sessionToken())),
                new Case("JWT cookie with a fourth part", 401, MALFORMED, g -> jwtCookie(g.jwt() + ".AAAA")),
                new Case("encoded dot segments in the path", 400, REFUSED_BY_JETTY,
                        g -> new Hostile(Requests.get("/app/public/%2e%2e/api/me")
                        .bearer(HostileTokens.truncated(g.jwt())), HostileTokens.truncated(g.jwt()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void doFilterWhenInputIsMalformedThenClientErrorWithoutLeakingTheToken(Case row) throws Exception {
        Hostile hostile = row.hostile().apply(genuine);

        HttpTester.Response response = app.send(hostile.request());

        assertThat(response.getStatus()).isEqualTo(row.expectedStatus());
        if (row.expectedCode() == REFUSED_BY_JETTY) {
            assertThat(response.get("Content-Type")).doesNotStartWith(Problem.MEDIA_TYPE);
        } else {
            assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", row.expectedCode());
        }
        List<String> secrets = Stream.of(hostile.token(), genuine.jwt(), genuine.sessionToken())
                .filter(token -> !token.isEmpty()).toList();
        for (String secret : secrets) {
            String sample = secret.substring(Math.max(0, secret.length() - 40));
            assertThat(response.toString() + response.getContent()).doesNotContain(sample);
            assertThat(logs.text()).doesNotContain(sample);
        }
        assertThat(logs.text()).doesNotContain(STYTCH.emulator().secret());
    }

    private static Hostile bearer(String token) {
        return new Hostile(Requests.get("/app/api/me").bearer(token), token);
    }

    private static Hostile jwtCookie(String token) {
        return new Hostile(Requests.get("/app/api/me").cookie("stytch_session_jwt", token), token);
    }

    private static Hostile sessionCookie(String token) {
        return new Hostile(Requests.get("/app/api/me").cookie("stytch_session", token), token);
    }
}
