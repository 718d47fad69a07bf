package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.stytchjakarta.core.model.AuthorizationCheck;
import io.github.stytchjakarta.core.model.JwksResponse;
import io.github.stytchjakarta.core.model.MemberSessionAuthenticateResponse;
import io.github.stytchjakarta.core.model.MemberSessionsResponse;
import io.github.stytchjakarta.core.model.OrgPolicyResponse;
import io.github.stytchjakarta.core.model.RbacPolicyResponse;
import io.github.stytchjakarta.core.model.RevokeResponse;
import io.github.stytchjakarta.core.model.SessionAuthenticateRequest;
import io.github.stytchjakarta.core.model.SessionAuthenticateResponse;
import io.github.stytchjakarta.core.model.WhoamiResponse;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed Stytch client against the emulator: every call, its transport, and its error mapping. */
class StytchClientTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private StytchEmulator emulator;
    private StytchClient client;
    private EmulatedUser user;
    private EmulatedOrganization organization;
    private EmulatedMember member;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        client = StytchClient.create(EmulatorConfigs.consumer(emulator));
        user = emulator.createUser(u -> u.email("ada@example.com").name("Ada Lovelace").externalId("ext-" + System.nanoTime()));
        organization = emulator.createOrganization(o -> o.name("Acme").externalId("ext-org-" + System.nanoTime()));
        member = emulator.createMember(organization, m -> m.email("alice@acme.test").name("Alice").roles("editor")
                .externalId("ext-alice"));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void callWhenClientClosedThenUnavailableWithoutHanging() {
        client.close();

        // a guard against the hang this test exists for, not a speed assertion
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThatThrownBy(() -> client.rbac().policy()).isInstanceOf(StytchUnavailableException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> client.sessions().jwks()).isInstanceOf(StytchUnavailableException.class);
        });
        assertThat(emulator.requestLog().requests()).isEmpty();
    }

    @Test
    void closeWhenCallInFlightThenCallEndsByItsTimeoutAndLaterCallsFailAtOnce() throws Exception {
        try (ServerSocket silent = new ServerSocket(0);
             StytchClient closing = clientOf(silent, EmulatorConfigs.REQUEST_TIMEOUT)) {
            CompletableFuture<Object> inFlight = callInFlight(() -> closing.rbac().policy());
            try (Socket connection = silent.accept()) { // the call is in flight: it never gets an answer

                closing.close();

                // the guard against the hang this test exists for (the JDK 17 client's exchanges never
                // complete once its executor is shut down, not even by timing out), not a speed assertion
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(inFlight::join)
                        .hasCauseInstanceOf(StytchUnavailableException.class));
            }
            assertThatThrownBy(() -> closing.rbac().policy()).isInstanceOf(StytchUnavailableException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void closeWhenNothingInFlightOnJava21ThenTheHttpClientsSelectorThreadEnds() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "the JDK 17 HttpClient cannot be closed");
        Set<Thread> before = selectorThreads();
        StytchClient closing = StytchClient.create(EmulatorConfigs.consumer(emulator));
        closing.rbac().policy();
        assertThat(selectorThreads()).as("the new client's selector thread").hasSizeGreaterThan(before.size());

        closing.close();

        // what Tomcat reports as a leak on undeploy; polled, since the thread ends on its own after the close
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!before.containsAll(selectorThreads()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(before).containsAll(selectorThreads());
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }

    @Test
    void closeWhenCallInFlightThenItsAnswerIsStillDelivered() throws Exception {
        try (ServerSocket stytch = new ServerSocket(0);
             StytchClient closing = clientOf(stytch, Duration.ofSeconds(60))) {
            CompletableFuture<Object> inFlight = callInFlight(() -> closing.sessions().jwks());
            try (Socket connection = stytch.accept()) {

                closing.close();

                byte[] body = "{\"keys\":[],\"request_id\":\"request-id-test\",\"status_code\":200}"
                        .getBytes(StandardCharsets.UTF_8);
                OutputStream out = connection.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThat(inFlight.join())
                        .isInstanceOfSatisfying(JwksResponse.class, jwks -> assertThat(jwks.keys()).isEmpty()));
            }
        }
    }

    private StytchClient clientOf(ServerSocket stytch, Duration requestTimeout) {
        return StytchClient.create(EmulatorConfigs.builder(emulator, Vertical.CONSUMER)
                .baseUrl(URI.create("http://127.0.0.1:" + stytch.getLocalPort()))
                .httpRequestTimeout(requestTimeout).httpMaxRetries(0).build());
    }

    private static CompletableFuture<Object> callInFlight(Supplier<Object> call) {
        return CompletableFuture.supplyAsync(call, runnable -> {
            Thread caller = new Thread(runnable, "in-flight-caller");
            caller.setDaemon(true);
            caller.start();
        });
    }

    @Test
    void sessionsGetWhenUserHasSessionsThenOnlyActiveOnesListed() {
        EmulatedSession active = emulator.createSession(user, s -> s.customClaim("k", "v"));
        EmulatedSession revoked = emulator.createSession(user, s -> { });
        emulator.revokeSession(revoked.sessionId());

        var byId = client.sessions().get(user.userId());
        var byExternalId = client.sessions().get(user.externalId());

        assertThat(byId.sessions()).extracting(StytchSession::sessionId).containsExactly(active.sessionId());
        assertThat(byId.sessions().get(0).customClaims()).isEqualTo(Map.of("k", "v"));
        assertThat(byId.sessions().get(0).roles()).contains("stytch_user");
        assertThat(byId.requestId()).startsWith("request-id-test-");
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byExternalId.sessions()).extracting(StytchSession::sessionId).containsExactly(active.sessionId());
    }

    @Test
    void b2bSessionsGetWhenGivenIdsSlugOrExternalIdsThenSameSessions() {
        EmulatedSession session = emulator.createMemberSession(member, s -> { });

        for (String organizationRef : List.of(organization.organizationId(), organization.slug(), organization.externalId())) {
            for (String memberRef : List.of(member.memberId(), member.externalId())) {
                MemberSessionsResponse answer = client.b2bSessions().get(organizationRef, memberRef);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.requestId()).startsWith("request-id-test-");
                assertThat(answer.memberSessions()).singleElement().satisfies(memberSession -> {
                            assertThat(memberSession.memberSessionId()).isEqualTo(session.sessionId());
                            assertThat(memberSession.organizationSlug()).isEqualTo(organization.slug());
                        });
            }
        }
    }

    @Test
    void sessionsAuthenticateWhenTokenThenCompleteAnswerAndMaskedToString() {
        EmulatedSession session = emulator.createSession(user, s -> { });

        SessionAuthenticateResponse answer = client.sessions().authenticate(
                SessionAuthenticateRequest.ofToken(session.sessionToken()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.session().sessionId()).isEqualTo(session.sessionId());
        assertThat(answer.sessionToken()).isEqualTo(session.sessionToken());
        assertThat(answer.sessionJwt()).isNotBlank();
        assertThat(answer.user().userId()).isEqualTo(user.userId());
        assertThat(answer.user().emails()).extracting(e -> e.email()).containsExactly("ada@example.com");
        assertThat(answer.user().emails()).singleElement().satisfies(email -> {
            assertThat(email.emailId()).isEqualTo(user.emailId());
            assertThat(email.verified()).isTrue();
        });
        assertThat(answer.user().name()).satisfies(name -> {
            assertThat(name.firstName()).isEqualTo("Ada");
            assertThat(name.middleName()).isEmpty();
            assertThat(name.lastName()).isEqualTo("Lovelace");
        });
        assertThat(answer.user().externalId()).isEqualTo(user.externalId());
        assertThat(answer.user().status()).isEqualTo("active");
        assertThat(answer.user().roles()).contains("stytch_user");
        assertThat(answer.user().createdAt()).isEqualTo(user.createdAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(answer.user().trustedMetadata()).isEmpty();
        assertThat(answer.user().untrustedMetadata()).isEmpty();
        assertThat(answer.requestId()).isNotBlank();
        assertThat(answer.verdict()).isNull();
        assertThat(answer.toString()).doesNotContain(session.sessionToken()).doesNotContain(answer.sessionJwt());
        assertThat(SessionAuthenticateRequest.ofToken(session.sessionToken()).toString())
                .doesNotContain(session.sessionToken());
    }

    @Test
    void sessionsAuthenticateWhenCustomClaimsMergedThenReturnedAndNotRetried() {
        EmulatedSession session = emulator.createSession(user, s -> s.customClaim("keep", 1).customClaim("drop", 2));
        Map<String, Object> changes = new java.util.HashMap<>();
        changes.put("drop", null);
        changes.put("add", "x");

        SessionAuthenticateResponse answer = client.sessions().authenticate(SessionAuthenticateRequest
                .ofToken(session.sessionToken()).withSessionDurationMinutes(60).withSessionCustomClaims(changes));

        assertThat(answer.session().customClaims()).isEqualTo(Map.of("keep", 1L, "add", "x"));
        assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).singleElement()
                .satisfies(request -> assertThat(request.body()).contains("\"drop\":null"));
    }

    @Test
    void b2bAuthenticateWhenAuthorizationCheckPassesThenVerdict() {
        emulator.rbac().setB2bPolicy(EmulatedPolicy.defaultB2bPolicy().toBuilder()
                .role("editor", "edits", EmulatedPolicy.permission("documents", "read")).build());
        EmulatedSession session = emulator.createMemberSession(member, s -> { });

        MemberSessionAuthenticateResponse answer = client.b2bSessions().authenticate(SessionAuthenticateRequest
                .ofJwt(session.sessionJwt())
                .withAuthorizationCheck(AuthorizationCheck.of(organization.organizationId(), "documents", "read")));

        assertThat(answer.verdict().authorized()).isTrue();
        assertThat(answer.verdict().grantingRoles()).containsExactly("editor");
        assertThat(answer.member().memberId()).isEqualTo(member.memberId());
        assertThat(answer.member().roles()).extracting(role -> role.roleId()).contains("editor");
        assertThat(answer.organization().organizationSlug()).isEqualTo(organization.slug());
        assertThat(answer.member()).satisfies(read -> {
            assertThat(read.organizationId()).isEqualTo(organization.organizationId());
            assertThat(read.emailAddress()).isEqualTo("alice@acme.test");
            assertThat(read.status()).isEqualTo("active");
            assertThat(read.externalId()).isEqualTo("ext-alice");
            assertThat(read.createdAt()).isEqualTo(member.createdAt().truncatedTo(ChronoUnit.SECONDS));
            assertThat(read.updatedAt()).isEqualTo(member.createdAt().truncatedTo(ChronoUnit.SECONDS));
            assertThat(read.trustedMetadata()).isEmpty();
            assertThat(read.untrustedMetadata()).isEmpty();
        });
        assertThat(answer.organization()).satisfies(read -> {
            assertThat(read.organizationId()).isEqualTo(organization.organizationId());
            assertThat(read.organizationName()).isEqualTo("Acme");
            assertThat(read.organizationLogoUrl()).isEmpty();
            assertThat(read.organizationExternalId()).isEqualTo(organization.externalId());
            assertThat(read.createdAt()).isEqualTo(organization.createdAt().truncatedTo(ChronoUnit.SECONDS));
            assertThat(read.updatedAt()).isEqualTo(organization.createdAt().truncatedTo(ChronoUnit.SECONDS));
            assertThat(read.trustedMetadata()).isEmpty();
        });
        assertThat(answer.sessionToken()).isNotBlank();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.requestId()).isNotBlank();
    }

    @Test
    void b2bAuthenticateWhenAuthorizationCheckFailsThenForbiddenWithStytchErrorTypes() {
        EmulatedSession session = emulator.createMemberSession(member, s -> { });

        assertThatExceptionOfType(StytchApiException.class)
                .isThrownBy(() -> client.b2bSessions().authenticate(SessionAuthenticateRequest.ofToken(session.sessionToken())
                        .withAuthorizationCheck(AuthorizationCheck.of("organization-test-other", "documents", "read"))))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.errorType()).isEqualTo("session_authorization_tenancy_error");
                });
        assertThatExceptionOfType(StytchApiException.class)
                .isThrownBy(() -> client.b2bSessions().authenticate(SessionAuthenticateRequest.ofToken(session.sessionToken())
                        .withAuthorizationCheck(AuthorizationCheck.of(organization.organizationId(), "vault", "open"))))
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("session_authorization_error"));
    }

    @Test
    void revokeWhenEachFormThenSessionsGone() {
        EmulatedSession byId = emulator.createSession(user, s -> { });
        EmulatedSession byToken = emulator.createSession(user, s -> { });
        EmulatedSession byJwt = emulator.createSession(user, s -> { });

        List<RevokeResponse> answers = List.of(client.sessions().revoke(byId.sessionId()),
                client.sessions().revokeByToken(byToken.sessionToken()), client.sessions().revokeByJwt(byJwt.sessionJwt()));

        assertThat(List.of(byId, byToken, byJwt)).noneMatch(EmulatedSession::isActive);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.requestId()).startsWith("request-id-test-");
        });
    }

    @Test
    void b2bRevokeWhenEachFormThenSessionsGone() {
        EmulatedSession byId = emulator.createMemberSession(member, s -> { });
        EmulatedSession byToken = emulator.createMemberSession(member, s -> { });
        EmulatedSession byJwt = emulator.createMemberSession(member, s -> { });
        client.b2bSessions().revoke(byId.sessionId());
        client.b2bSessions().revokeByToken(byToken.sessionToken());
        client.b2bSessions().revokeByJwt(byJwt.sessionJwt());
        EmulatedSession another = emulator.createMemberSession(member, s -> { });
        EmulatedSession yetAnother = emulator.createMemberSession(member, s -> { });

        client.b2bSessions().revokeAllOfMember(member.memberId());

        assertThat(List.of(byId, byToken, byJwt, another, yetAnother)).noneMatch(EmulatedSession::isActive);
    }

    @Test
    void jwksWhenFetchedThenEveryKeyFieldPresent() {
        for (JwksResponse jwks : List.of(client.sessions().jwks(), client.b2bSessions().jwks())) {
            assertThat(jwks.statusCode()).isEqualTo(200);
            assertThat(jwks.requestId()).startsWith("request-id-test-");
            assertThat(jwks.keys()).singleElement().satisfies(key -> {
                assertThat(key.kty()).isEqualTo("RSA");
                assertThat(key.use()).isEqualTo("sig");
                assertThat(key.alg()).isEqualTo("RS256");
                assertThat(key.kid()).isEqualTo(emulator.keys().signingKey().kid());
                assertThat(key.keyOps()).isNotEmpty();
                assertThat(key.x5c()).isNotEmpty();
                assertThat(key.x5tS256()).isNotBlank();
                assertThat(key.n()).isNotBlank();
                assertThat(key.e()).isEqualTo("AQAB");
            });
        }
    }

    @Test
    void policiesWhenFetchedThenRolesResourcesAndOrganizationRoles() {
        emulator.rbac().setOrganizationRoles(organization.organizationId(), List.of(
                EmulatedPolicy.role("acme-auditor", "Acme only", EmulatedPolicy.permission("documents", "read"))));
        emulator.rbac().setConsumerPolicy(EmulatedPolicy.defaultConsumerPolicy().toBuilder()
                .resource("documents", "Docs", "read", "write")
                .scope("read:documents", "Reads documents", EmulatedPolicy.permission("documents", "read")).build());

        RbacPolicyResponse consumer = client.rbac().policy();
        RbacPolicyResponse b2b = client.b2bRbac().policy();
        OrgPolicyResponse org = client.b2bRbac().organizationPolicy(organization.organizationId());

        assertThat(consumer.policy().roles()).extracting(role -> role.roleId()).contains("stytch_user");
        assertThat(consumer.policy().resources()).singleElement().satisfies(resource -> {
            assertThat(resource.description()).isEqualTo("Docs");
            assertThat(resource.actions()).containsExactly("read", "write");
        });
        assertThat(consumer.policy().scopes()).singleElement().satisfies(scope -> {
            assertThat(scope.scope()).isEqualTo("read:documents");
            assertThat(scope.description()).isEqualTo("Reads documents");
            assertThat(scope.permissions()).singleElement().satisfies(permission -> {
                assertThat(permission.resourceId()).isEqualTo("documents");
                assertThat(permission.actions()).containsExactly("read");
            });
        });
        assertThat(List.of(consumer.requestId(), b2b.requestId(), org.requestId())).allMatch(id -> id.startsWith("request-id-test-"));
        assertThat(org.statusCode()).isEqualTo(200);
        assertThat(b2b.policy().roles()).extracting(role -> role.roleId()).contains("stytch_member", "stytch_admin");
        assertThat(b2b.policy().resources()).extracting(resource -> resource.resourceId()).contains("stytch.self");
        assertThat(org.orgPolicy().roles()).singleElement().satisfies(role -> {
            assertThat(role.roleId()).isEqualTo("acme-auditor");
            assertThat(role.permissions()).singleElement().satisfies(permission ->
                    assertThat(permission.actions()).containsExactly("read"));
        });
    }

    @Test
    void callsWhenMadeThenBasicAuthAndUserAgentSent() {
        client.rbac().policy();

        RecordedRequest request = emulator.requestLog().requests("/v1/rbac/policy").get(0);
        assertThat(request.authenticated()).isTrue();
        assertThat(request.header("Authorization")).startsWith("Basic ");
        assertThat(request.header("User-Agent")).matches("stytch-jakarta/\\S+ Java/\\S+");
    }

    @Test
    void getWhenRateLimitedOnceThenRetriedAfterRetryAfter() {
        emulator.faults().respond("/v1/rbac/policy", 429, 1);

        assertThat(client.rbac().policy().statusCode()).isEqualTo(200);

        assertThat(emulator.requestLog().requests("/v1/rbac/policy")).extracting(RecordedRequest::status).containsExactly(429, 200);
    }

    @Test
    void getWhenServerErrorsPersistThenUnavailableWithStatus() {
        emulator.faults().respond("/v1/b2b/rbac/policy", 500);

        assertThatExceptionOfType(StytchUnavailableException.class)
                .isThrownBy(() -> client.b2bRbac().policy())
                .satisfies(e -> assertThat(e.statusCode()).hasValue(500))
                .withMessageContaining("internal_server_error");
        assertThat(emulator.requestLog().requests("/v1/b2b/rbac/policy")).hasSize(1 + StytchConfig.DEFAULT_HTTP_MAX_RETRIES);
    }

    @Test
    void revokeWhenServerErrorThenNotRetried() {
        EmulatedSession session = emulator.createSession(user, s -> { });
        emulator.faults().respond("/v1/sessions/revoke", 503, 1);

        assertThatExceptionOfType(StytchUnavailableException.class)
                .isThrownBy(() -> client.sessions().revoke(session.sessionId()))
                .satisfies(e -> assertThat(e.retryAfter()).isPresent());
        assertThat(emulator.requestLog().requests("/v1/sessions/revoke")).hasSize(1);
    }

    @Test
    void callWhenStytchAnswersClientErrorThenApiExceptionWithFiveFields() {
        assertThatExceptionOfType(StytchApiException.class)
                .isThrownBy(() -> client.sessions().revoke("session-test-does-not-exist"))
                .satisfies(e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.errorType()).isEqualTo("session_not_found");
                    assertThat(e.errorMessage()).isNotBlank();
                    assertThat(e.errorUrl()).startsWith("https://");
                    assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("request-id-test-"));
                });
    }

    @Test
    void whoamiWhenCredentialsRightThenProjectIdAndName() {
        WhoamiResponse whoami = client.whoami();

        assertThat(whoami.projectId()).isEqualTo(emulator.projectId());
        assertThat(whoami.name()).isNotEmpty();
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.requestId()).startsWith("request-id-test-");
        assertThat(emulator.requestLog().requests("/v1/debug/whoami")).singleElement()
                .satisfies(request -> assertThat(request.authenticated()).isTrue());
    }

    @Test
    void whoamiWhenSecretWrongThenApiException401() {
        StytchConfig wrong = EmulatorConfigs.builder(emulator, Vertical.CONSUMER).secret("secret-test-wrong").build();
        try (StytchClient refused = StytchClient.create(wrong)) {
            assertThatExceptionOfType(StytchApiException.class)
                    .isThrownBy(refused::whoami)
                    .satisfies(e -> assertThat(e.statusCode()).isEqualTo(401))
                    .satisfies(e -> assertThat(e.errorType()).isEqualTo("unauthorized_credentials"));
        }
    }

    @Test
    void callWhenNothingListensThenUnavailable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        StytchConfig nowhere = EmulatorConfigs.builder(emulator, Vertical.CONSUMER)
                .baseUrl(URI.create("http://127.0.0.1:" + freePort)).httpMaxRetries(0).build();
        try (StytchClient unreachable = StytchClient.create(nowhere)) {
            assertThatExceptionOfType(StytchUnavailableException.class)
                    .isThrownBy(() -> unreachable.rbac().policy())
                    .satisfies(e -> assertThat(e.statusCode()).isEmpty())
                    .withMessageContaining("could not be reached");
        }
    }
}
