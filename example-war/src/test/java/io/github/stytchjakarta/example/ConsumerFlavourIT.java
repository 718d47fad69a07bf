package io.github.stytchjakarta.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.example.support.ExampleApp;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same WAR as a consumer app ({@code stytch.vertical=consumer}): the caller is a {@code StytchUser}, the
 * sessions page reads {@code GET /v1/sessions} with each session's device, and the documents are the user's
 * own.
 */
class ConsumerFlavourIT {

    @RegisterExtension
    static final ExampleApp APP = new ExampleApp(Vertical.CONSUMER);

    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148";

    private final TestHttp browser = TestHttp.browser();

    @Test
    void profileWhenSignedInThenTheStytchUserAndHowShePassedMfa() {
        signIn("PASSWORD_TOTP");

        HttpResponse<String> response = browser.send(navigation("me"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("StytchUser (consumer)").contains(APP.demo().ada().userId())
                .contains("Password").contains("Authenticator app").contains("STYTCH_COOKIE");
    }

    @Test
    void sessionsWhenSignedInOnTwoDevicesThenBothListedFromStytchAndTheOtherRevocable() {
        signIn("MAGIC_LINK");
        EmulatedSession phone = APP.emulator().createSession(APP.demo().ada(),
                s -> s.duration(Duration.ofHours(1)).attributes("203.0.113.7", PHONE));
        APP.emulator().requestLog().clear();

        HttpResponse<String> page = browser.send(navigation("sessions"));
        HttpResponse<String> revoke = browser.send(formPost("sessions/" + phone.sessionId() + "/revoke"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(phone.sessionId()).contains("iPhone").contains("203.0.113.7")
                .contains("this browser");
        assertThat(APP.emulator().requestLog().requests("/v1/sessions")).extracting(RecordedRequest::method, RecordedRequest::path)
                .contains(tuple("GET", "/v1/sessions"),
                        tuple("POST", "/v1/sessions/revoke"));
        assertThat(revoke.statusCode()).isEqualTo(303);
        assertThat(revoke.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/sessions?done=revoked"));
        assertThat(phone.isActive()).isFalse();
    }

    @Test
    void revokeWhenSessionOfSomeoneElseThenNotRevoked() {
        signIn("MAGIC_LINK");
        EmulatedSession stranger = APP.emulator().createSession(
                APP.emulator().createUser(u -> u.email("stranger@example.com")), s -> s.duration(Duration.ofHours(1)));

        HttpResponse<String> revoke = browser.send(formPost("sessions/" + stranger.sessionId() + "/revoke"));

        assertThat(revoke.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/sessions?done=missing"));
        assertThat(stranger.isActive()).isTrue();
    }

    @Test
    void apiWhenUserThenOwnDocumentsAndNoOrganization() {
        String bearer = "Bearer " + APP.emulator().createSession(APP.demo().ada(), s -> s.duration(Duration.ofHours(1)))
                .sessionJwt();

        JsonNode me = TestHttp.json(browser.send(TestHttp.request(APP.uri("api/me")).header("Authorization", bearer)));
        HttpResponse<String> created = browser.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Reading list\"}")));
        JsonNode list = TestHttp.json(browser.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", bearer)));
        HttpResponse<String> organization = browser.send(TestHttp.request(APP.uri("api/organizations/"
                + "organization-test-00000000-0000-0000-0000-000000000000/documents")).header("Authorization", bearer));

        assertThat(me.path("kind").asText()).isEqualTo("user");
        assertThat(me.path("id").asText()).isEqualTo(APP.demo().ada().userId());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(list.path("workspace").asText()).isEqualTo("personal");
        assertThat(organization.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(organization).path("code").asText()).isEqualTo("stytch.forbidden.tenancy_mismatch");
    }

    private void signIn(String method) {
        HttpResponse<String> response = browser.send(formPost("login").POST(TestHttp.form(Map.of(
                "person", APP.demo().ada().email(), "method", method, "return_to", "/me"))));
        assertThat(response.statusCode()).as("dev sign-in").isEqualTo(303);
    }

    private static HttpRequest.Builder navigation(String path) {
        return TestHttp.request(APP.uri(path)).header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate");
    }

    private static HttpRequest.Builder formPost(String path) {
        return TestHttp.request(APP.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.noBody());
    }
}
