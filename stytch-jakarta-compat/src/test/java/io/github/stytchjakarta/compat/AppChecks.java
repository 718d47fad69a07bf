package io.github.stytchjakarta.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
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
     * @param app    the app's base URI, e.g. {@code http://127.0.0.1:PORT/app/}
     */
    abstract void run(SoftAssertions checks, URI app) throws IOException, InterruptedException;

    Map<String, String> bearer(String email) {
        return Map.of("Authorization", "Bearer " + demo.sessions().get(email).sessionJwt());
    }

    /** @return the cookies of a session whose JWT has expired while the session lives on */
    Map<String, String> expiredJwtCookies(EmulatedSession session) {
        return Map.of("Cookie", "stytch_session_jwt=" + emulator.tokens().jwt(session).expired().mint()
                + "; stytch_session=" + session.sessionToken());
    }

    int revokes() {
        return (int) emulator.requestLog().requests().stream().filter(request -> request.path().endsWith("/sessions/revoke")).count();
    }

    /** The library's 401: the Bearer challenge with a problem body. */
    static void challenged(SoftAssertions checks, HttpResponse<String> response) {
        checks.assertThat(response.statusCode()).as("anonymous").isEqualTo(401);
        checks.assertThat(response.headers().firstValue("WWW-Authenticate")).as("challenge").hasValue("Bearer realm=\"stytch\"");
        checks.assertThat(response.headers().firstValue("Content-Type")).as("problem type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    /** The library's 403 for a permission the roles do not grant, to a bearer caller. */
    static void permissionDenied(SoftAssertions checks, HttpResponse<String> response) {
        checks.assertThat(response.statusCode()).as("viewer deletes").isEqualTo(403);
        checks.assertThat(response.body()).as("viewer's problem").contains("stytch.forbidden.permission_denied");
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
        checks.assertThat(response.body()).as("CSRF problem").contains("stytch.csrf");
    }
}
