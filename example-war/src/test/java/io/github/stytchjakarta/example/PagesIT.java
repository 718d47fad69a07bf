package io.github.stytchjakarta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.example.support.ExampleApp;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTML side over real HTTP, as a browser without JavaScript sees it: the dev sign-in sets Stytch's session
 * cookies, pages need a session and redirect to the sign-in page without one, refusals are friendly 403 pages,
 * cookie-authenticated form posts must come from the app's own origin, and signing out revokes the session at
 * Stytch and clears the cookies.
 */
class PagesIT {

    @RegisterExtension
    static final ExampleApp APP = new ExampleApp(Vertical.B2B);

    private final TestHttp browser = TestHttp.browser();

    @Test
    void documentsWhenNavigationWithoutSessionThenRedirectToSignIn() {
        HttpResponse<String> response = browser.send(navigation("documents"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?return_to=%2Fdocuments");
    }

    @Test
    void homeWhenAnonymousThenPublicPageWithSignInLink() {
        HttpResponse<String> response = browser.send(navigation(""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Team documents, secured by Stytch").contains("href=\"login\"");
    }

    @Test
    void signInWhenDemoMemberPickedThenStytchCookiesAndRedirectToReturnTarget() {
        HttpResponse<String> response = signIn(APP.demo().bob(), "/sessions");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/sessions");
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(2).allSatisfy(cookie -> assertThat(cookie)
                .contains("; Path=/; Expires=").contains("; Max-Age=").endsWith("; SameSite=Lax"));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("stytch_session="))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("stytch_session_jwt=eyJ"));
        HttpResponse<String> documents = browser.send(navigation("documents"));
        assertThat(documents.statusCode()).isEqualTo(200);
        assertThat(documents.body()).contains("Welcome to acme").contains(APP.demo().bob().email());
    }

    @Test
    void signInWhenPostedFromAnotherSiteThen403WithoutCookies() {
        HttpResponse<String> response = browser.send(TestHttp.request(APP.uri("login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .POST(TestHttp.form(Map.of("person", APP.demo().alice().email(), "method", "MAGIC_LINK"))));

        assertThat(response.statusCode()).isEqualTo(403);
        // the demo sign-in page's own refusal, a page rather than a problem
        assertThat(response.body()).contains("A sign-in must come from this page, not from another site.");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void signInWhenUnknownPersonThen400Page() {
        HttpResponse<String> response = browser.send(TestHttp.request(APP.uri("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(TestHttp.form(Map.of("person", "mallory@evil.test", "method", "MAGIC_LINK"))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Pick one of the demo people").doesNotContain("mallory@evil.test");
    }

    @Test
    void writeWhenViewerSubmitsFormThen403PageNotStackTrace() {
        signIn(APP.demo().carol(), "/documents");

        HttpResponse<String> response = browser.send(formPost("documents", Map.of("title", "Viewer's note", "body", "")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("Not allowed").contains("Your roles do not allow this")
                .contains("viewer").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void writeWhenEditorSubmitsFormThenSavedAndListed() {
        signIn(APP.demo().bob(), "/documents");

        HttpResponse<String> response = browser.send(formPost("documents", Map.of("title", "Minutes <b>bold</b>",
                "body", "Agreed.")));

        assertThat(response.statusCode()).isEqualTo(303);
        HttpResponse<String> list = browser.send(navigation("documents?done=created"));
        assertThat(list.body()).contains("Document saved.").contains("Minutes &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<b>bold</b>");
    }

    @Test
    void writeWhenFormPostedFromAnotherOriginThen403Csrf() {
        signIn(APP.demo().bob(), "/documents");

        HttpResponse<String> response = browser.send(TestHttp.request(APP.uri("documents"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(TestHttp.form(Map.of("title", "Planted"))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("stytch.csrf");
    }

    @Test
    void adminWhenEditorThen403PageAndWhenAdminThenPolicy() {
        signIn(APP.demo().bob(), "/admin");
        HttpResponse<String> editor = browser.send(navigation("admin"));
        TestHttp adminBrowser = TestHttp.browser();
        signIn(adminBrowser, APP.demo().alice(), "/admin");
        HttpResponse<String> admin = adminBrowser.send(navigation("admin"));

        assertThat(editor.statusCode()).isEqualTo(403);
        assertThat(editor.body()).contains("This page is for admins only.");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("RBAC policy").contains("Manages documents")
                .doesNotContain(APP.emulator().secret());
    }

    @Test
    void pageWhenUnknownThen404PageInTheAppFrame() {
        signIn(APP.demo().bob(), "/documents");

        HttpResponse<String> response = browser.send(navigation("no-such-page"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("There is no page here.").contains("Sign out");
    }

    @Test
    void signOutThenSessionRevokedAtStytchCookiesClearedAndSentToSignIn() {
        signIn(APP.demo().bob(), "/documents");
        String sessionToken = cookie("stytch_session");

        HttpResponse<String> response = browser.send(formPost("logout", Map.of()));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login");
        assertThat(response.headers().allValues("Set-Cookie")).hasSize(2)
                .allSatisfy(cookie -> assertThat(cookie).contains("Max-Age=0"));
        HttpResponse<String> withOldToken = TestHttp.browser().send(TestHttp.request(APP.uri("api/me"))
                .header("Cookie", "stytch_session=" + sessionToken));
        assertThat(withOldToken.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(withOldToken).path("code").asText()).isEqualTo("stytch.invalid_token.session_not_found");
    }

    private HttpResponse<String> signIn(EmulatedMember member, String returnTo) {
        return signIn(browser, member, returnTo);
    }

    private static HttpResponse<String> signIn(TestHttp client, EmulatedMember member, String returnTo) {
        HttpResponse<String> response = client.send(formPost("login", Map.of("person", member.email(),
                "method", "MAGIC_LINK", "return_to", returnTo)));
        assertThat(response.statusCode()).as("dev sign-in").isEqualTo(303);
        return response;
    }

    private static HttpRequest.Builder navigation(String path) {
        return TestHttp.request(APP.uri(path)).header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate");
    }

    // a same-origin form submission, as a browser sends it
    private static HttpRequest.Builder formPost(String path, Map<String, String> fields) {
        String origin = APP.uri("").toString().replaceAll("/$", "");
        return TestHttp.request(APP.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").header("Origin", origin).POST(TestHttp.form(fields));
    }

    private String cookie(String name) {
        return browser.cookies().stream().filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst().orElseThrow();
    }
}
