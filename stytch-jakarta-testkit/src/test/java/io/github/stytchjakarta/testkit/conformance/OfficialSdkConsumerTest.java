package io.github.stytchjakarta.testkit.conformance;

import static io.github.stytchjakarta.testkit.conformance.StytchSdkClients.apiError;
import static io.github.stytchjakarta.testkit.conformance.StytchSdkClients.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.stytch.java.common.ErrorResponse;
import com.stytch.java.common.JWTAuthResponse;
import com.stytch.java.common.JWTErrorResponse;
import com.stytch.java.common.JWTResponse;
import com.stytch.java.common.JWTSessionResponse;
import com.stytch.java.common.StytchResult;
import com.stytch.java.consumer.StytchClient;
import com.stytch.java.consumer.models.debug.WhoamiRequest;
import com.stytch.java.consumer.models.debug.WhoamiResponse;
import com.stytch.java.consumer.models.m2m.AuthenticateTokenRequest;
import com.stytch.java.consumer.models.m2m.AuthenticateTokenResponse;
import com.stytch.java.consumer.models.m2m.TokenRequest;
import com.stytch.java.consumer.models.m2m.TokenResponse;
import com.stytch.java.consumer.models.rbac.Policy;
import com.stytch.java.consumer.models.rbac.PolicyRequest;
import com.stytch.java.consumer.models.rbac.PolicyRole;
import com.stytch.java.consumer.models.sessions.AuthenticateRequest;
import com.stytch.java.consumer.models.sessions.AuthenticateResponse;
import com.stytch.java.consumer.models.sessions.AuthenticationFactor;
import com.stytch.java.consumer.models.sessions.AuthenticationFactorDeliveryMethod;
import com.stytch.java.consumer.models.sessions.AuthenticationFactorType;
import com.stytch.java.consumer.models.sessions.AuthorizationCheck;
import com.stytch.java.consumer.models.sessions.GetJWKSRequest;
import com.stytch.java.consumer.models.sessions.GetJWKSResponse;
import com.stytch.java.consumer.models.sessions.GetRequest;
import com.stytch.java.consumer.models.sessions.JWK;
import com.stytch.java.consumer.models.sessions.RevokeRequest;
import com.stytch.java.consumer.models.sessions.Session;
import io.github.stytchjakarta.testkit.EmulatedFactors;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.IssuerStyle;
import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official Stytch Java SDK, unchanged, against the emulator (consumer vertical). If the SDK
 * rejects a response, the emulator is wrong until proven otherwise: its Moshi models need every
 * field they declare non-null, its enums reject unknown factor types, and jose4j parses each JWK
 * including its {@code x5c} certificate.
 */
class OfficialSdkConsumerTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private StytchEmulator emulator;
    private StytchClient stytch;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        emulator.faults().clear();
        stytch = StytchSdkClients.consumer(emulator);
    }

    @AfterEach
    void closeClient() {
        stytch.close();
    }

    @Test
    void sessionsGetWhenUserHasTwoSessionsThenSdkParsesBoth() {
        EmulatedUser user = user("get");
        EmulatedSession first = session(user);
        EmulatedSession second = session(user);

        List<Session> sessions = success(stytch.getSessions().getCompletable(new GetRequest(user.userId()))).getSessions();

        assertThat(sessions).extracting(Session::getSessionId)
                .containsExactlyInAnyOrder(first.sessionId(), second.sessionId());
        assertThat(sessions).allSatisfy(session -> {
            assertThat(session.getUserId()).isEqualTo(user.userId());
            assertThat(session.getRoles()).contains(EmulatedPolicy.STYTCH_USER);
            assertThat(session.getExpiresAt()).isAfter(session.getStartedAt());
        });
    }

    @Test
    void sessionsAuthenticateWhenTokenThenSdkParsesUserSessionAndFactors() {
        EmulatedUser user = user("token");
        EmulatedSession session = session(user);

        AuthenticateResponse response = success(stytch.getSessions().authenticateCompletable(
                new AuthenticateRequest(session.sessionToken())));

        assertThat(response.getSessionToken()).isEqualTo(session.sessionToken());
        assertThat(response.getSessionJWT()).isNotEmpty();
        assertThat(response.getUser().getUserId()).isEqualTo(user.userId());
        assertThat(response.getUser().getEmails()).extracting(email -> email.getEmail()).containsExactly(user.email());
        assertThat(response.getUser().getRoles()).contains(EmulatedPolicy.STYTCH_USER, "reader");
        Session parsed = response.getSession();
        assertThat(parsed.getSessionId()).isEqualTo(session.sessionId());
        assertThat(parsed.getRoles()).containsExactlyInAnyOrder(EmulatedPolicy.STYTCH_USER, "reader");
        assertThat(parsed.getAttributes().getIpAddress()).isEqualTo("203.0.113.7");
        assertThat(parsed.getCustomClaims()).containsEntry("tier", "gold");
        assertThat(parsed.getAuthenticationFactors()).extracting(AuthenticationFactor::getType,
                        AuthenticationFactor::getDeliveryMethod)
                .containsExactly(
                        tuple(AuthenticationFactorType.MAGIC_LINK, AuthenticationFactorDeliveryMethod.EMAIL),
                        tuple(AuthenticationFactorType.OTP, AuthenticationFactorDeliveryMethod.SMS),
                        tuple(AuthenticationFactorType.OAUTH, AuthenticationFactorDeliveryMethod.OAUTH_GOOGLE));
        assertThat(parsed.getAuthenticationFactors().get(0).getEmailFactor().getEmailAddress()).isEqualTo(user.email());
    }

    @Test
    void sessionsAuthenticateWhenJwtWithDurationAndCustomClaimsThenSessionExtendedAndClaimsMerged() {
        EmulatedSession session = session(user("extend"));
        Instant expiresBefore = session.expiresAt();

        Session extended = success(stytch.getSessions().authenticateCompletable(new AuthenticateRequest(null, 600,
                session.sessionJwt(), Map.of("plan", "pro")))).getSession();

        assertThat(extended.getExpiresAt()).isAfter(expiresBefore);
        assertThat(extended.getCustomClaims()).containsEntry("plan", "pro").containsEntry("tier", "gold");
    }

    @Test
    void sessionsAuthenticateWhenAuthorizationCheckThenSdkParsesVerdictOr403() {
        emulator.rbac().setConsumerPolicy(EmulatedPolicy.builder()
                .role("reader", "Reads", EmulatedPolicy.permission("documents", "read"))
                .resource("documents", "Documents", "read", "write")
                .build());
        EmulatedSession session = session(user("verdict"));

        AuthenticateResponse allowed = success(stytch.getSessions().authenticateCompletable(new AuthenticateRequest(
                session.sessionToken(), null, null, Map.of(), new AuthorizationCheck("documents", "read"))));
        ErrorResponse denied = apiError(stytch.getSessions().authenticateCompletable(new AuthenticateRequest(
                session.sessionToken(), null, null, Map.of(), new AuthorizationCheck("documents", "write"))));

        assertThat(allowed.getVerdict().getAuthorized()).isTrue();
        assertThat(allowed.getVerdict().getGrantingRoles()).containsExactly("reader");
        assertThat(denied.getStatusCode()).isEqualTo(403);
        assertThat(denied.getErrorType()).isEqualTo("consumer_session_authorization_error");
    }

    @Test
    void authenticateJwtWhenFreshJwtThenVerifiedLocallyWithoutSessionsApiCall() {
        EmulatedSession session = session(user("local"));
        emulator.requestLog().clear();

        JWTResponse response = success(stytch.getSessions().authenticateJwtCompletable(session.sessionJwt(), null));

        assertThat(response).isInstanceOf(JWTSessionResponse.class);
        Session local = ((JWTSessionResponse) response).getResponse();
        assertThat(local.getSessionId()).isEqualTo(session.sessionId());
        assertThat(local.getRoles()).containsExactlyInAnyOrder(EmulatedPolicy.STYTCH_USER, "reader");
        assertThat(local.getCustomClaims()).containsEntry("tier", "gold");
        assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).isEmpty();
        assertThat(emulator.requestLog().requests("/v1/sessions/jwks/")).isNotEmpty()
                .allSatisfy(request -> assertThat(request.authenticated()).isFalse());
    }

    @Test
    void authenticateJwtWhenJwtExpiredThenRemoteFallbackReturnsNewJwtThatVerifiesLocally() {
        EmulatedSession session = session(user("expired"));
        String expired = emulator.tokens().jwt(session).expired().mint();

        JWTResponse response = success(stytch.getSessions().authenticateJwtCompletable(expired, null));

        assertThat(response).isInstanceOf(JWTAuthResponse.class);
        String refreshed = ((JWTAuthResponse) response).getResponse().getSessionJWT();
        assertThat(refreshed).isNotEqualTo(expired);
        assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).isNotEmpty();
        Session local = success(stytch.getSessions().authenticateJwtLocalCompletable(refreshed, null, 0));
        assertThat(local.getSessionId()).isEqualTo(session.sessionId());
    }

    @Test
    void authenticateJwtWhenJwksOutageThenSdkFallsBackToSessionsApi() {
        EmulatedSession session = session(user("outage"));
        emulator.faults().jwksOutage(true);

        JWTResponse response = success(stytch.getSessions().authenticateJwtCompletable(session.sessionJwt(), null));

        assertThat(response).isInstanceOfSatisfying(JWTAuthResponse.class, remote ->
                assertThat(remote.getResponse().getSession().getSessionId()).isEqualTo(session.sessionId()));
        assertThat(emulator.requestLog().requests("/v1/sessions/jwks/")).extracting(RecordedRequest::status).doesNotContain(200);
    }

    @Test
    void authenticateJwtWhenExpiredJwtOfRevokedSessionThenSdkReturnsSessionNotFound() {
        EmulatedSession session = session(user("revoked-jwt"));
        String expired = emulator.tokens().jwt(session).expired().mint();
        emulator.revokeSession(session.sessionId());

        JWTResponse response = success(stytch.getSessions().authenticateJwtCompletable(expired, null));

        assertThat(response).isInstanceOfSatisfying(JWTErrorResponse.class, error -> {
            assertThat(error.getStatusCode()).isEqualTo(404);
            assertThat(error.getErrorType()).isEqualTo("session_not_found");
        });
    }

    @Test
    void authenticateJwtLocalWhenIssuerIsBaseUrlThenSdkAcceptsCustomDomainIssuer() {
        try (StytchEmulator customDomain = StytchEmulator.builder().issuerStyle(IssuerStyle.BASE_URL).build().start();
                StytchClient client = StytchSdkClients.consumer(customDomain)) {
            EmulatedUser user = customDomain.createUser(u -> u.email("custom@example.com"));
            EmulatedSession session = customDomain.createSession(user, s -> s.duration(Duration.ofHours(1)));

            Session local = success(client.getSessions().authenticateJwtLocalCompletable(session.sessionJwt(), null, 0));

            assertThat(customDomain.issuer()).isEqualTo(customDomain.baseUrl().toString());
            assertThat(local.getSessionId()).isEqualTo(session.sessionId());
        }
    }

    @Test
    void authenticateJwtLocalWhenSigningKeyRotatedAfterJwksCachedThenSdkRefetchesAndAccepts() throws Exception {
        EmulatedSession session = session(user("rotation"));
        success(stytch.getSessions().authenticateJwtLocalCompletable(session.sessionJwt(), null, 0));
        emulator.keys().rotate();
        String signedWithNewKey = emulator.tokens().jwt(session).mint();

        // jose4j refetches on an unknown kid at most once per reprieve window: poll with a generous deadline
        Instant deadline = Instant.now().plus(StytchSdkClients.CALL_TIMEOUT);
        StytchResult<Session> result = verifyLocally(signedWithNewKey);
        while (!(result instanceof StytchResult.Success) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            result = verifyLocally(signedWithNewKey);
        }

        assertThat(result).isInstanceOf(StytchResult.Success.class);
    }

    @Test
    void sessionsRevokeWhenIdTokenOrJwtThenSdkSeesSessionNotFound() {
        EmulatedUser user = user("revoke");
        EmulatedSession byId = session(user);
        EmulatedSession byToken = session(user);
        EmulatedSession byJwt = session(user);

        success(stytch.getSessions().revokeCompletable(new RevokeRequest(byId.sessionId())));
        success(stytch.getSessions().revokeCompletable(new RevokeRequest(null, byToken.sessionToken())));
        success(stytch.getSessions().revokeCompletable(new RevokeRequest(null, null, byJwt.sessionJwt())));

        for (EmulatedSession revoked : List.of(byId, byToken, byJwt)) {
            ErrorResponse error = apiError(stytch.getSessions().authenticateCompletable(
                    new AuthenticateRequest(revoked.sessionToken())));
            assertThat(error.getStatusCode()).isEqualTo(404);
            assertThat(error.getErrorType()).isEqualTo("session_not_found");
        }
        assertThat(success(stytch.getSessions().getCompletable(new GetRequest(user.userId()))).getSessions()).isEmpty();
    }

    @Test
    void rbacPolicyWhenCustomPolicySetThenSdkParsesRolesResourcesAndScopes() {
        emulator.rbac().setConsumerPolicy(EmulatedPolicy.builder()
                .role("editor", "Edits", EmulatedPolicy.permission("documents", "read", "write"))
                .resource("documents", "Documents", "read", "write")
                .scope("read:documents", "Reads documents", EmulatedPolicy.permission("documents", "read"))
                .build());

        Policy policy = success(stytch.getRbac().policyCompletable(new PolicyRequest())).getPolicy();

        assertThat(policy.getRoles()).extracting(PolicyRole::getRoleId).containsExactly("editor");
        assertThat(policy.getRoles().get(0).getPermissions().get(0).getActions()).containsExactly("read", "write");
        assertThat(policy.getResources()).extracting(resource -> resource.getResourceId()).containsExactly("documents");
        assertThat(policy.getScopes()).extracting(scope -> scope.getScope()).containsExactly("read:documents");
    }

    @Test
    void getJwksWhenRequestedThenSdkParsesEveryJwkField() {
        GetJWKSResponse jwks = success(stytch.getSessions().getJWKSCompletable(new GetJWKSRequest(emulator.projectId())));

        assertThat(jwks.getKeys()).extracting(JWK::getKid).contains(emulator.keys().signingKey().kid());
        assertThat(jwks.getKeys()).allSatisfy(key -> {
            assertThat(key.getKty()).isEqualTo("RSA");
            assertThat(key.getAlg()).isEqualTo("RS256");
            assertThat(key.getUse()).isEqualTo("sig");
            assertThat(key.getKeyOps()).isNotEmpty();
            assertThat(key.getX5C()).isNotEmpty();
            assertThat(key.getX5TS256()).isNotEmpty();
        });
    }

    @Test
    void m2mTokenWhenClientCredentialsThenSdkObtainsTokenAndVerifiesScopesLocally() {
        EmulatedM2mClient client = emulator.createM2mClient(c -> c.scopes("read:users", "write:users"));

        TokenResponse token = success(stytch.getM2m().tokenCompletable(
                new TokenRequest(client.clientId(), client.clientSecret(), List.of("read:users"))));
        AuthenticateTokenResponse verified = success(stytch.getM2m().authenticateTokenCompletable(
                new AuthenticateTokenRequest(token.getAccessToken(), List.of("read:users"))));

        assertThat(token.getTokenType()).isEqualToIgnoringCase("bearer");
        assertThat(token.getExpiresIn()).isEqualTo(3600);
        assertThat(verified.getClientId()).isEqualTo(client.clientId());
        assertThat(verified.getScopes()).containsExactly("read:users");
    }

    @Test
    void whoamiWhenProjectCredentialsThenSdkParsesProjectIdAndName() {
        WhoamiResponse whoami = success(stytch.getDebug().whoamiCompletable(new WhoamiRequest()));

        assertThat(whoami.getProjectId()).isEqualTo(emulator.projectId());
        assertThat(whoami.getName()).isNotEmpty();
        assertThat(whoami.getStatusCode()).isEqualTo(200);
    }

    @Test
    void whoamiWhenWrongSecretThenSdkParsesUnauthorizedCredentials() {
        try (StytchClient wrong = StytchSdkClients.consumer(emulator.baseUrl(), emulator.projectId(), "secret-test-wrong")) {
            ErrorResponse error = apiError(wrong.getDebug().whoamiCompletable(new WhoamiRequest()));

            assertThat(error.getStatusCode()).isEqualTo(401);
            assertThat(error.getErrorType()).isEqualTo("unauthorized_credentials");
        }
    }

    @Test
    void anyCallWhenWrongSecretThenSdkParsesUnauthorizedCredentials() {
        try (StytchClient wrong = StytchSdkClients.consumer(emulator.baseUrl(), emulator.projectId(), "secret-test-wrong")) {
            ErrorResponse error = apiError(wrong.getRbac().policyCompletable(new PolicyRequest()));

            assertThat(error.getStatusCode()).isEqualTo(401);
            assertThat(error.getErrorType()).isEqualTo("unauthorized_credentials");
            assertThat(error.getRequestId()).startsWith("request-id-test-");
        }
    }

    @Test
    void anyCallWhenFaultForces429ThenSdkParsesTooManyRequests() {
        emulator.faults().respond("/v1/rbac/policy", 429, 1);

        ErrorResponse error = apiError(stytch.getRbac().policyCompletable(new PolicyRequest()));

        assertThat(error.getStatusCode()).isEqualTo(429);
        assertThat(error.getErrorType()).isEqualTo("too_many_requests");
        assertThat(success(stytch.getRbac().policyCompletable(new PolicyRequest())).getPolicy()).isNotNull();
    }

    private EmulatedUser user(String name) {
        return emulator.createUser(u -> u.email(name + "-" + System.nanoTime() + "@example.com").name("Ada " + name)
                .roles("reader"));
    }

    private EmulatedSession session(EmulatedUser user) {
        return emulator.createSession(user, s -> s.duration(Duration.ofHours(1)).customClaim("tier", "gold")
                .factor(EmulatedFactors.emailMagicLink(user.email()))
                .factor(EmulatedFactors.smsOtp("+15555550100"))
                .factor(EmulatedFactors.googleOAuth("google-subject-1"))
                .attributes("203.0.113.7", "Mozilla/5.0"));
    }

    private StytchResult<Session> verifyLocally(String jwt) throws Exception {
        return stytch.getSessions().authenticateJwtLocalCompletable(jwt, null, 0)
                .get(StytchSdkClients.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
