package io.github.stytchjakarta.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.example.support.ExampleApp;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JSON API over real HTTP, B2B: 401 without a session, 200/403 per role as the demo RBAC policy says
 * (admin everything, editor read and write, viewer read), tenancy between organizations, and clear 4xx answers
 * for bad input. Callers send their session JWT as a bearer token, as an API client would; machine callers (the
 * launcher's M2M client and Connected App) send access tokens, whose scopes decide.
 */
class DocumentsApiIT {

    @RegisterExtension
    static final ExampleApp APP = new ExampleApp(Vertical.B2B);

    private final TestHttp http = TestHttp.browser();

    @Test
    void listWhenNoSessionThen401ProblemWithBearerChallenge() {
        HttpResponse<String> response = http.send(TestHttp.request(APP.uri("api/documents")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer realm="));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestHttp.json(response).path("code").asText()).isEqualTo("stytch.missing_token");
    }

    @Test
    void listWhenForgedTokenThen401InvalidTokenWithoutEchoingIt() {
        String forged = APP.emulator().tokens().jwt(session(APP.demo().carol()))
                .signedWith(APP.emulator().keys().generateUnpublished()).mint();

        HttpResponse<String> response = http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", "Bearer " + forged));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("error=\"invalid_token\"").doesNotContain(forged));
        assertThat(TestHttp.json(response).path("code").asText()).isEqualTo("stytch.invalid_token.unknown_key");
        assertThat(response.body()).doesNotContain(forged);
    }

    @Test
    void listWhenViewerThenDocumentsOfOwnOrganization() {
        HttpResponse<String> response = get("api/documents", APP.demo().carol());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = TestHttp.json(response);
        assertThat(list.path("workspace").asText()).isEqualTo("acme");
        assertThat(titles(list)).contains("Welcome to acme");
    }

    @Test
    void createWhenEditorThen201WithLocationOfTheNewDocument() {
        HttpResponse<String> created = create(APP.demo().bob(), "{\"title\": \"Roadmap\", \"body\": \"Ship it.\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode document = TestHttp.json(created);
        assertThat(document.path("title").asText()).isEqualTo("Roadmap");
        assertThat(document.path("author").asText()).isEqualTo(APP.demo().bob().email());
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/api/documents/" + document.path("id").asText());
        HttpResponse<String> fetched = http.send(TestHttp.request(location).header("Authorization", bearer(APP.demo().carol())));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(fetched).path("body").asText()).isEqualTo("Ship it.");
    }

    @Test
    void createWhenViewerThen403InsufficientScope() {
        HttpResponse<String> response = create(APP.demo().carol(), "{\"title\": \"Not mine to write\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(response).path("code").asText()).isEqualTo("stytch.forbidden.permission_denied");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("error=\"insufficient_scope\""));
        assertThat(titles(TestHttp.json(get("api/documents", APP.demo().carol())))).doesNotContain("Not mine to write");
    }

    @Test
    void deleteWhenEditorThen403AndWhenAdminThen204() {
        String id = TestHttp.json(create(APP.demo().bob(), "{\"title\": \"Draft\"}")).path("id").asText();

        HttpResponse<String> byEditor = delete("api/documents/" + id, APP.demo().bob());
        HttpResponse<String> byAdmin = delete("api/documents/" + id, APP.demo().alice());

        assertThat(byEditor.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(byEditor).path("code").asText()).isEqualTo("stytch.forbidden.permission_denied");
        assertThat(byAdmin.statusCode()).isEqualTo(204);
        assertThat(get("api/documents/" + id, APP.demo().alice()).statusCode()).isEqualTo(404);
    }

    @Test
    void documentsWhenOtherOrganizationThenNeitherListedNorReachable() {
        String id = TestHttp.json(create(APP.demo().bob(), "{\"title\": \"Acme only\"}")).path("id").asText();

        JsonNode globexList = TestHttp.json(get("api/documents", APP.demo().dave()));
        HttpResponse<String> globexGet = get("api/documents/" + id, APP.demo().dave());

        assertThat(globexList.path("workspace").asText()).isEqualTo("globex");
        assertThat(titles(globexList)).doesNotContain("Acme only");
        assertThat(globexGet.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(globexGet).path("code").asText()).isEqualTo("example.not_found");
    }

    @Test
    void organizationDocumentsWhenOwnOrganizationThen200AndWhenAnotherThen403Tenancy() {
        String acme = APP.demo().acme().organizationId();
        String globex = APP.demo().globex().organizationId();

        HttpResponse<String> own = get("api/organizations/" + acme + "/documents", APP.demo().bob());
        HttpResponse<String> other = get("api/organizations/" + globex + "/documents", APP.demo().bob());

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(other).path("code").asText()).isEqualTo("stytch.forbidden.tenancy_mismatch");
    }

    @Test
    void createWhenBodyIsNotJsonThen400ProblemNotServerError() {
        HttpResponse<String> response = create(APP.demo().bob(), "{\"title\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestHttp.json(response).path("code").asText()).isEqualTo("example.http_400");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void createWhenTitleMissingOrTooLongThen400InvalidDocument() {
        HttpResponse<String> missing = create(APP.demo().bob(), "{\"body\": \"no title\"}");
        HttpResponse<String> tooLong = create(APP.demo().bob(), "{\"title\": \"" + "x".repeat(121) + "\"}");
        HttpResponse<String> wrongType = create(APP.demo().bob(), "[1, 2]");

        assertThat(List.of(missing.statusCode(), tooLong.statusCode(), wrongType.statusCode())).containsOnly(400);
        assertThat(List.of(missing, tooLong, wrongType)).extracting(response -> TestHttp.json(response).path("code").asText())
                .as("a JSON array is no document at all: JSON-B's refusal").containsExactly("example.invalid_document",
                        "example.invalid_document", "example.http_400");
        assertThat(TestHttp.json(tooLong).path("detail").asText()).isEqualTo("A title has 1 to 120 characters on one line.");
    }

    @Test
    void meWhenBearerThenTheMemberWithStytchAndMappedRoles() {
        HttpResponse<String> response = get("api/me", APP.demo().alice());

        JsonNode me = TestHttp.json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(me.path("kind").asText()).isEqualTo("member");
        assertThat(me.path("id").asText()).isEqualTo(APP.demo().alice().memberId());
        assertThat(me.path("organizationId").asText()).isEqualTo(APP.demo().acme().organizationId());
        List<String> roles = new ArrayList<>();
        me.path("roles").forEach(role -> roles.add(role.asText()));
        assertThat(roles).contains("stytch_member", "stytch_admin", "admin");
    }

    @Test
    void documentsWhenM2mClientReadsThenItsOrganizationsListAndWhenItWritesThen403NamingTheScope() {
        String token = m2mToken(APP.machineCallers().reader());

        HttpResponse<String> list = http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", "Bearer " + token));
        HttpResponse<String> create = http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"By a machine\"}")));
        HttpResponse<String> me = http.send(TestHttp.request(APP.uri("api/me")).header("Authorization", "Bearer " + token));

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(list).path("workspace").asText()).isEqualTo(APP.demo().acme().organizationId());
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(create.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .contains("error=\"insufficient_scope\"").contains("scope=\"write:documents\""));
        assertThat(TestHttp.json(me).path("kind").asText()).isEqualTo("m2m");
        assertThat(TestHttp.json(me).path("id").asText()).isEqualTo(APP.machineCallers().reader().clientId());
    }

    @Test
    void listWhenM2mClientNamesNoOrganizationThen403NoWorkspace() {
        HttpResponse<String> response = http.send(TestHttp.request(APP.uri("api/documents"))
                .header("Authorization", "Bearer " + m2mToken(APP.demo().reportingClient())));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(response).path("code").asText()).isEqualTo("example.no_workspace");
    }

    @Test
    void documentsWhenConnectedAppTokenThenItsScopesDecideInTheMembersOrganization() {
        String readOnly = APP.emulator().connectedApps().accessToken(APP.demo().alice(), APP.machineCallers().agent(),
                "read:documents");

        HttpResponse<String> created = http.send(TestHttp.request(APP.uri("api/documents"))
                .header("Authorization", "Bearer " + APP.machineCallers().agentToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"By an agent\"}")));
        HttpResponse<String> deleted = http.send(TestHttp.request(APP.uri("api/documents/" + TestHttp.json(created).path("id").asText()))
                .header("Authorization", "Bearer " + APP.machineCallers().agentToken()).DELETE());
        HttpResponse<String> listed = http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", "Bearer " + readOnly));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(TestHttp.json(created).path("author").asText()).isEqualTo(APP.demo().bob().memberId());
        assertThat(deleted.statusCode()).as("no scope of the policy grants documents:delete").isEqualTo(403);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(titles(TestHttp.json(listed))).contains("By an agent");
    }

    @Test
    void documentsWhenAppTokenThenTheApiTakesItAndThePagesRefuseItAsWrongTokenKind() {
        String token = "Bearer " + APP.machineCallers().agentToken();

        HttpResponse<String> api = http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", token));
        HttpResponse<String> page = http.send(TestHttp.request(APP.uri("documents")).header("Authorization", token));

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(page).path("code").asText()).isEqualTo("stytch.invalid_token.wrong_token_kind");
    }

    // as the README's curl does: the client-credentials grant at the emulator's token endpoint
    private String m2mToken(EmulatedM2mClient client) {
        HttpResponse<String> response = http.send(TestHttp.request(URI.create(APP.emulator().baseUrl() + "/v1/public/"
                + APP.emulator().projectId() + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(TestHttp.form(Map.of("grant_type", "client_credentials", "client_id", client.clientId(),
                        "client_secret", client.clientSecret()))));
        return TestHttp.json(response).path("access_token").asText();
    }

    private HttpResponse<String> get(String path, EmulatedMember member) {
        return http.send(TestHttp.request(APP.uri(path)).header("Authorization", bearer(member)));
    }

    private HttpResponse<String> delete(String path, EmulatedMember member) {
        return http.send(TestHttp.request(APP.uri(path)).header("Authorization", bearer(member)).DELETE());
    }

    private HttpResponse<String> create(EmulatedMember member, String json) {
        return http.send(TestHttp.request(APP.uri("api/documents")).header("Authorization", bearer(member))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String bearer(EmulatedMember member) {
        return "Bearer " + session(member).sessionJwt();
    }

    private static EmulatedSession session(EmulatedMember member) {
        return APP.emulator().createMemberSession(member, s -> s.duration(Duration.ofHours(1)));
    }

    private static List<String> titles(JsonNode list) {
        List<String> titles = new ArrayList<>();
        list.path("documents").forEach(document -> titles.add(document.path("title").asText()));
        return titles;
    }
}
