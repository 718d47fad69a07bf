package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bearer path in a real Jetty 12 takes session JWTs only: an M2M or Connected-App access token or an ID token,
 * signed by the project's keys as the session JWT is, gets 401 {@code wrong_token_kind} and never reaches the servlet.
 */
class TokenKindsTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp app;
    private static EmulatedUser user;

    @BeforeAll
    static void startApp() throws Exception {
        app = StytchApp.start(STYTCH.emulator(), CLOCK, web -> web.loginPage("/login"));
        user = STYTCH.emulator().createUser(u -> u.email("ada@example.com"));
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
    }

    static Stream<Arguments> notSessionJwts() {
        return Stream.of(
                Arguments.of("Connected-App access token",
                        (Function<StytchEmulator, String>) e -> e.tokens().connectedAppToken(user).mint()),
                Arguments.of("M2M access token", (Function<StytchEmulator, String>) e -> e.tokens().m2mToken(
                        e.createM2mClient(c -> c.scopes("read:users"))).mint()),
                Arguments.of("ID token", (Function<StytchEmulator, String>) e -> e.tokens().idToken(user).mint()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSessionJwts")
    void doFilterWhenBearerTokenOfAnotherKindThen401WrongTokenKind(String name, Function<StytchEmulator, String> mint)
            throws Exception {
        String token = mint.apply(STYTCH.emulator());

        HttpTester.Response response = app.send(Requests.get("/app/api/me").bearer(token));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.get("WWW-Authenticate")).isEqualTo("Bearer realm=\"stytch\", error=\"invalid_token\", "
                + "error_description=\"the token is not of the kind accepted here\"");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.invalid_token.wrong_token_kind")
                .doesNotContainKey("principalName");
        assertThat(response.toString() + response.getContent()).doesNotContain(token);
    }

    @Test
    void doFilterWhenBearerSessionJwtOfTheSameUserThenAuthenticated() throws Exception {
        String sessionJwt = STYTCH.emulator().createSession(user, s -> { }).sessionJwt();

        HttpTester.Response response = app.send(Requests.get("/app/api/me").bearer(sessionJwt));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("principalName", user.userId())
                .containsEntry("authType", "STYTCH_BEARER");
    }
}
