package io.github.stytchjakarta.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/**
 * The HTTP checks of one deployed application against the emulator's demo data, and what the checks of the
 * filter-only WAR and of the example WAR share: the demo callers' credentials, the library's answers, the
 * sessions Stytch revoked.
 */
abstract class AppChecks {

    final StytchEmulator emulator;
    final DemoData demo;

    AppChecks(StytchEmulator emulator, DemoData demo) {
        this.emulator = emulator;
        this.demo = demo;
    }

    /**
     * @param checks where failures are collected
     * @param app    a client for the app, its base URI e.g. {@code http://127.0.0.1:PORT/app}
     */
    abstract void run(SoftAssertions checks, TestHttp app);

    /** @return the {@code Authorization} header of the demo caller's session JWT, as name and value */
    String[] bearer(String email) {
        return TestHttp.bearer(demo.sessions().get(email).sessionJwt());
    }

    /** @return the {@code Cookie} header of a session whose JWT has expired while the session lives on */
    String[] expiredJwtCookies(EmulatedSession session) {
        return TestHttp.cookie("stytch_session_jwt", emulator.tokens().jwt(session).expired().mint()
                + "; stytch_session=" + session.sessionToken());
    }

    /** @return the headers (names and values) of both, in order */
    static String[] with(String[] headers, String... more) {
        return Stream.concat(Arrays.stream(headers), Arrays.stream(more)).toArray(String[]::new);
    }

    int revokes() {
        return (int) emulator.requestLog().requests().stream().filter(request -> request.path().endsWith("/sessions/revoke")).count();
    }

    /** The library's 401 to a request without credentials: the Bearer challenge with a problem body. */
    static void challenged(SoftAssertions checks, HttpResponse<String> response) {
        checks.assertThat(response.statusCode()).as("anonymous").isEqualTo(401);
        checks.assertThat(response.headers().firstValue("WWW-Authenticate")).as("challenge").hasValue("Bearer realm=\"stytch\"");
        checks.assertThat(response.headers().firstValue("Content-Type")).as("problem type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        checks.assertThat(code(response)).as("problem code").isEqualTo("stytch.missing_token");
    }

    /** @return the {@code code} of a problem body, empty when the body is not JSON */
    static String code(HttpResponse<String> response) {
        try {
            return TestHttp.json(response).path("code").asText();
        } catch (UncheckedIOException e) {
            // a soft check reports the wrong body through the code's mismatch rather than ending the run
            return "";
        }
    }

    /** The library's 403 for a permission the roles do not grant, to a bearer caller. */
    static void permissionDenied(SoftAssertions checks, HttpResponse<String> response) {
        checks.assertThat(response.statusCode()).as("viewer deletes").isEqualTo(403);
        checks.assertThat(code(response)).as("viewer's problem").isEqualTo("stytch.forbidden.permission_denied");
        checks.assertThat(response.headers().firstValue("WWW-Authenticate")).as("insufficient scope")
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("error=\"insufficient_scope\""));
    }

    /** A fresh JWT cookie for a session whose JWT had expired. */
    static void jwtCookieRefreshed(SoftAssertions checks, HttpResponse<String> response) {
        checks.assertThat(response.headers().allValues("Set-Cookie")).as("refreshed JWT cookie")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("stytch_session_jwt="));
    }

    /** The library's 403 for a cross-site request authenticated by a cookie. */
    static void csrfRefused(SoftAssertions checks, HttpResponse<String> response) {
        checks.assertThat(response.statusCode()).as("cross-site POST with a cookie").isEqualTo(403);
        checks.assertThat(code(response)).as("CSRF problem").isEqualTo("stytch.csrf");
    }
}
