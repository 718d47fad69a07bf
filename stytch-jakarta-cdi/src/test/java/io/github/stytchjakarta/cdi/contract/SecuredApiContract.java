package io.github.stytchjakarta.cdi.contract;

import static io.github.stytchjakarta.testsupport.TestHttp.bearer;
import static io.github.stytchjakarta.testsupport.TestHttp.cookie;
import static io.github.stytchjakarta.testsupport.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What an application using the CDI module sees the same way on every server, over HTTP against the
 * emulator's demo data (B2B): authentication by bearer and cookies, {@code @RequiresPermission} with
 * tenancy, mapped roles, policy changes, {@code @RequiresAuthentication} on a public path, and refusals
 * with their problem code, never a 500. Run by {@code StytchFilterJettyTest} (Jetty 12 with Weld's
 * servlet integration and the {@code StytchAuthenticationFilter}) and {@code StytchMechanismPayaraIT}
 * (Payara Micro 6 with the {@code StytchAuthenticationMechanism}); each keeps its server's own checks.
 * The application must map the Stytch role {@code admin} to {@code manager}, make {@code /api/public/**}
 * public, cache the RBAC policy for {@value #POLICY_TTL_SECONDS} s, accept the bearer tokens
 * {@value #ACCESS_TOKENS} with {@value #ACCESS_TOKEN_PATHS}, answer {@code GET /api/reports} with
 * {@code @RequiresScope("read:documents")}, name {@value #RESOURCE} as its protected resource (RFC 9728,
 * {@code stytch.web.resource-metadata.resource}) with the base URL of the emulator as Stytch's, and confirm
 * Connected-App tokens with Stytch on {@value #INTROSPECTED_PATHS}, as the emulator's default Connected App
 * ({@code stytch.connected-apps.introspection.*}).
 */
public abstract class SecuredApiContract {

    /** The RBAC policy cache TTL (seconds) the application must be configured with. */
    public static final String POLICY_TTL_SECONDS = "2";

    /** The kinds of bearer token the application must accept ({@code stytch.web.access-tokens}). */
    public static final String ACCESS_TOKENS = "session, m2m, connected-app";

    /**
     * The application's per-path kinds ({@code stytch.web.access-tokens.paths}): reports for M2M clients only, an
     * organization's documents for members (sessions and app tokens), on the Jetty and the JAX-RS paths alike.
     */
    public static final String ACCESS_TOKEN_PATHS = "/api/reports/**=m2m; /api/organizations/**=session,connected-app; "
            + "/api/documents/organizations/**=session,connected-app";

    /** Where the application must confirm Connected-App tokens with Stytch ({@code stytch.web.access-tokens.introspect}). */
    public static final String INTROSPECTED_PATHS = "/api/organizations/**, /api/documents/organizations/**";

    private static final int CONCURRENT_REQUESTS = 50;

    /** The protected resource the application must name ({@code stytch.web.resource-metadata.resource}). */
    public static final String RESOURCE = "https://documents.example.test/api";

    private static final String RESOURCE_METADATA = ", resource_metadata=\"https://documents.example.test/.well-known/"
            + "oauth-protected-resource/api\"";

    private static final String CHALLENGE = "Bearer realm=\"stytch\"" + RESOURCE_METADATA;

    private static final String REPORTS_PATH = "/api/reports";

    private static final String INTROSPECT = "/v1/public/";

    private static final long POLICY_CHANGE_DEADLINE_SECONDS = 60;
    private static final long POLICY_CHANGE_POLL_MILLIS = 250;

    /** @return a client for the application (with {@code Accept: application/json}) */
    protected abstract TestHttp http();

    /** @return the emulator the application authenticates against */
    protected abstract StytchEmulator emulator();

    /** @return the demo data seeded in it */
    protected abstract DemoData demo();

    /**
     * @return the path answering who the caller is, as JSON with {@code current} (the session's member id),
     *         {@code caller} (the caller's name, of any kind), {@code scopes}, {@code roles}, {@code scheme} (the
     *         authentication scheme the application's API reports) and {@code servletIsEditor}
     */
    protected abstract String mePath();

    /** @return a path whose GET requires {@code documents:read} */
    protected abstract String readPath();

    /** @return a path whose DELETE requires {@code documents:delete} */
    protected abstract String deletePath();

    /**
     * @param organizationId an organization
     * @return a path whose GET requires {@code documents:read} in that organization
     */
    protected abstract String organizationPath(String organizationId);

    @Test
    void bearerWhenValidJwtThenTheApplicationSeesTheMember() {
        HttpResponse<String> response = http().get(mePath(), bearer(jwt("bob@acme.test")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json(response);
        assertThat(me.path("current").asText()).isEqualTo(demo().bob().memberId());
        assertThat(me.path("scheme").asText()).isEqualTo("STYTCH_BEARER");
        assertThat(me.path("servletIsEditor").asBoolean()).isTrue();
    }

    @Test
    void cookieWhenValidJwtThenAuthenticated() {
        HttpResponse<String> response = http().get(mePath(), cookie("stytch_session_jwt", jwt("carol@acme.test")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("current").asText()).isEqualTo(demo().carol().memberId());
        assertThat(json(response).path("scheme").asText()).isEqualTo("STYTCH_COOKIE");
    }

    @Test
    void cookieWhenOpaqueSessionTokenThenAuthenticatedByStytch() {
        String token = demo().sessions().get("carol@acme.test").sessionToken();
        HttpResponse<String> response = http().get(mePath(), cookie("stytch_session", token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("current").asText()).isEqualTo(demo().carol().memberId());
    }

    @Test
    void cookieWhenJwtExpiredButSessionLiveThenFreshJwtCookie() {
        EmulatedSession session = demo().sessions().get("bob@acme.test");
        HttpResponse<String> response = http().get(mePath(),
                cookie("stytch_session_jwt", emulator().tokens().jwt(session).expired().mint()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(header -> assertThat(header).startsWith("stytch_session_jwt=").contains("SameSite=Lax"));
    }

    @Test
    void protectedPathWhenNoTokenThenChallenge() {
        HttpResponse<String> response = http().get(readPath());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGE);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("code").asText()).isEqualTo("stytch.missing_token");
    }

    @Test
    void requiresPermissionWhenPolicyGrantsThenAllowedElseForbidden() {
        assertThat(http().get(readPath(), bearer(jwt("carol@acme.test"))).statusCode()).isEqualTo(200);
        assertThat(http().delete(deletePath(), bearer(jwt("alice@acme.test"))).statusCode()).isEqualTo(200);

        HttpResponse<String> denied = http().delete(deletePath(), bearer(jwt("carol@acme.test")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.permission_denied");
        assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"insufficient_scope\""));
    }

    @Test
    void requiresPermissionWhenOtherOrganizationThenTenancyMismatch() {
        String acme = demo().acme().organizationId();
        assertThat(http().get(organizationPath(acme), bearer(jwt("bob@acme.test"))).statusCode()).isEqualTo(200);

        HttpResponse<String> denied = http().get(organizationPath(acme), bearer(jwt("dave@globex.test")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.tenancy_mismatch");
    }

    @Test
    void mappedRoleWhenStytchRoleHeldThenTheCallerHasIt() {
        JsonNode alice = json(http().get(mePath(), bearer(jwt("alice@acme.test"))));

        assertThat(alice.path("roles").toString()).contains("\"admin\"", "\"manager\"");
    }

    @Test
    void policyChangeWhenMadeInStytchThenEffectiveAfterTheCacheTtl() throws InterruptedException {
        EmulatedMember archivist = emulator().createMember(demo().acme(), m -> m.email("erin@acme.test").roles("archivist"));
        String token = emulator().createMemberSession(archivist, s -> { }).sessionJwt();
        HttpResponse<String> before = http().delete(deletePath(), bearer(token));
        assertThat(before.statusCode()).isEqualTo(403);
        assertThat(json(before).path("code").asText()).isEqualTo("stytch.forbidden.permission_denied");

        emulator().rbac().setB2bPolicy(emulator().rbac().b2bPolicy().toBuilder()
                .role("archivist", "Archives documents", EmulatedPolicy.permission(DemoData.RESOURCE, "delete"))
                .build());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(POLICY_CHANGE_DEADLINE_SECONDS);
        int status;
        do {
            Thread.sleep(POLICY_CHANGE_POLL_MILLIS);
            status = http().delete(deletePath(), bearer(token)).statusCode();
        } while (status == 403 && System.nanoTime() < deadline);
        assertThat(status).as("allowed once the policy cache (TTL %s s) refreshed", POLICY_TTL_SECONDS).isEqualTo(200);
    }

    @Test
    void publicPathWhenAnonymousThenAuthenticatedMethodsRefuse() {
        HttpResponse<String> refused = http().get("/api/public/signed-in");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue(CHALLENGE);
        assertThat(json(refused).path("code").asText()).isEqualTo("stytch.missing_token");
        assertThat(http().get("/api/public/signed-in", bearer(jwt("bob@acme.test"))).statusCode()).isEqualTo(200);
    }

    @Test
    void accessTokenWhenAllowedThenTheApplicationSeesTheCallerWithScopesAndNoRoles() {
        HttpResponse<String> response = http().get(mePath(), bearer(m2mToken("read:documents")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json(response);
        assertThat(me.path("caller").asText()).startsWith("m2m-client-");
        assertThat(me.path("current").isNull()).as("no session").isTrue();
        assertThat(me.path("scopes").toString()).isEqualTo("[\"read:documents\"]");
        assertThat(me.path("roles").size()).isZero();
        assertThat(me.path("scheme").asText()).isEqualTo("STYTCH_BEARER");
        assertThat(me.path("servletIsEditor").asBoolean()).isFalse();
    }

    @Test
    void requiresPermissionWhenAccessTokenScopesGrantThenAllowedElseInsufficientScopeNamingIt() {
        assertThat(http().get(readPath(), bearer(appToken(demo().carol(), "read:documents"))).statusCode()).isEqualTo(200);
        assertThat(http().get(readPath(), bearer(m2mToken("read:*"))).statusCode()).isEqualTo(200);

        HttpResponse<String> denied = http().delete(deletePath(), bearer(m2mToken("read:documents")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.permission_denied");
        assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stytch\", "
                + "error=\"insufficient_scope\", error_description=\"the token's scopes do not grant this permission\", "
                + "scope=\"delete:documents\"" + RESOURCE_METADATA);
    }

    @Test
    void requiresPermissionWhenAppTokenOfAnotherOrganizationThenTenancyMismatch() {
        String acme = demo().acme().organizationId();
        assertThat(http().get(organizationPath(acme), bearer(appToken(demo().bob(), "read:documents"))).statusCode())
                .isEqualTo(200);

        HttpResponse<String> denied = http().get(organizationPath(acme), bearer(appToken(demo().dave(), "read:documents")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.tenancy_mismatch");
    }

    @Test
    void requiresScopeWhenTokenLacksItThenInsufficientScopeNamingIt() {
        assertThat(http().get(REPORTS_PATH, bearer(m2mToken("read:documents"))).statusCode()).isEqualTo(200);

        HttpResponse<String> denied = http().get(REPORTS_PATH, bearer(m2mToken("write:documents")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("code").asText()).isEqualTo("stytch.forbidden.insufficient_scope");
        assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stytch\", "
                + "error=\"insufficient_scope\", error_description=\"the credential does not grant the scopes this request needs\", "
                + "scope=\"read:documents\"" + RESOURCE_METADATA);
    }

    @Test
    void bearerTokenWhenItsKindIsNotAllowedOnThePathThenWrongTokenKind() {
        String acme = demo().acme().organizationId();
        Map<String, String> swapped = new LinkedHashMap<>();
        swapped.put(jwt("bob@acme.test"), REPORTS_PATH);
        swapped.put(appToken(demo().bob(), "read:documents"), REPORTS_PATH);
        swapped.put(m2mToken("read:*"), organizationPath(acme));
        swapped.forEach((token, path) -> {
            HttpResponse<String> refused = http().get(path, bearer(token));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).path("code").asText()).isEqualTo("stytch.invalid_token.wrong_token_kind");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).contains("error=\"invalid_token\""));
        });
    }

    @Test
    void resourceMetadataWhenFetchedAnonymouslyThenTheConfiguredDocument() {
        HttpResponse<String> response = http().get("/.well-known/oauth-protected-resource/api");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = json(response);
        assertThat(metadata.path("resource").asText()).isEqualTo(RESOURCE);
        assertThat(metadata.path("authorization_servers").toString())
                .isEqualTo("[\"" + emulator().baseUrl().toString().replaceAll("/$", "") + "\"]");
        assertThat(metadata.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
    }

    @Test
    void appTokenWhenRevokedThenRefusedWhereIntrospectedAndStillAcceptedWhereVerifiedLocally() {
        String token = appToken(demo().bob(), "read:documents");
        String acme = demo().acme().organizationId();
        assertThat(http().get(readPath(), bearer(token)).statusCode()).isEqualTo(200);

        // before any introspection of it: an "active" answer would be reused for the cache TTL
        emulator().connectedApps().revoke(token);

        HttpResponse<String> refused = http().get(organizationPath(acme), bearer(token));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("code").asText()).isEqualTo("stytch.invalid_token.revoked");
        assertThat(http().get(readPath(), bearer(token)).statusCode()).as("verified locally only there").isEqualTo(200);
    }

    @Test
    void appTokenWhenFiftyConcurrentRequestsThenOneIntrospectionCall() throws Exception {
        String token = appToken(demo().bob(), "read:documents");
        String path = organizationPath(demo().acme().organizationId());
        int before = introspections();
        emulator().faults().latency(INTROSPECT, Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return http().get(path, bearer(token)).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(1, TimeUnit.MINUTES)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
            emulator().faults().clear();
        }
        assertThat(introspections() - before).isEqualTo(1);
    }

    @Test
    void badTokenWhenAnyShapeThenRefusedWithItsCodeNeverA500() {
        String valid = jwt("bob@acme.test");
        String[] parts = valid.split("\\.");
        Map<String, Attempt> attempts = new LinkedHashMap<>();
        attempts.put("garbage", new Attempt(bearer("garbage"), "malformed"));
        attempts.put("truncated", new Attempt(bearer(valid.substring(0, valid.length() / 2)), "malformed"));
        attempts.put("bad signature",
                new Attempt(bearer(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA"), "bad_signature"));
        attempts.put("alg none",
                new Attempt(bearer(base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."), "unsupported_algorithm"));
        String unknownKid = emulator().tokens().jwt(demo().sessions().get("bob@acme.test")).keyId("no-such-key").mint();
        attempts.put("unknown kid", new Attempt(bearer(unknownKid), "unknown_key"));
        attempts.put("bad base64", new Attempt(bearer("!!!." + parts[1] + "." + parts[2]), "malformed"));
        attempts.put("json array header", new Attempt(bearer(base64("[1,2]") + "." + parts[1] + "." + parts[2]), "malformed"));
        attempts.put("huge", new Attempt(bearer("a".repeat(6000)), "malformed"));
        attempts.put("bad cookie", new Attempt(cookie("stytch_session_jwt", "%%%\u00e9"), "malformed"));
        attempts.put("unknown session token", new Attempt(cookie("stytch_session", "A".repeat(44)), "session_not_found"));
        attempts.forEach((name, attempt) -> {
            HttpResponse<String> response = http().get(mePath(), attempt.headers());
            assertThat(response.statusCode()).as(name).isEqualTo(401);
            assertThat(json(response).path("code").asText()).as(name).isEqualTo("stytch.invalid_token." + attempt.reason());
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(name).hasValueSatisfying(challenge ->
                    assertThat(challenge).contains("error=\"invalid_token\""));
            assertThat(response.body()).as(name).doesNotContain(valid).doesNotContain("Exception");
        });
    }

    /** A bad credential and the reason its refusal names ({@code stytch.invalid_token.<reason>}). */
    private record Attempt(String[] headers, String reason) {
    }

    private String jwt(String email) {
        return demo().sessions().get(email).sessionJwt();
    }

    private int introspections() {
        return (int) emulator().requestLog().requests(INTROSPECT).stream()
                .filter(call -> call.path().endsWith("/oauth2/introspect")).count();
    }

    private String m2mToken(String... scopes) {
        return emulator().tokens().m2mToken(emulator().createM2mClient(client -> client.scopes(scopes))).mint();
    }

    // a member acting through a Connected App, which Stytch issued the token to
    private String appToken(EmulatedMember member, String... scopes) {
        EmulatedConnectedApp agent = emulator().connectedApps().defaultClient();
        return emulator().connectedApps().accessToken(member, agent, scopes);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
