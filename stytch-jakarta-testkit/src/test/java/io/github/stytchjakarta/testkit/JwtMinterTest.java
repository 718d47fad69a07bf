package io.github.stytchjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JwtMinterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final MutableClock CLOCK = MutableClock.at(NOW);

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private final StytchEmulator emulator = STYTCH.emulator();

    @Test
    void mintWhenDefaultsThenStytchHeaderAndRegisteredClaims() throws Exception {
        CLOCK.set(NOW);
        EmulatedUser user = emulator.createUser(u -> u.email("ada@example.com").roles("editor"));
        EmulatedSession session = emulator.createSession(user, s -> s.duration(Duration.ofHours(2)).customClaim("tier", "gold")
                .factor(EmulatedFactors.smsOtp("+15555550100")).attributes("203.0.113.7", "Mozilla/5.0"));

        SignedJWT jwt = SignedJWT.parse(emulator.tokens().jwt(session).mint());

        assertThat(jwt.getHeader().toJSONObject()).containsOnlyKeys("alg", "kid", "typ");
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(emulator.keys().signingKey().kid());
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.verify(new RSASSAVerifier(emulator.keys().signingKey().publicJwk()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("stytch.com/" + emulator.projectId());
        assertThat(claims.getAudience()).containsExactly(emulator.projectId());
        assertThat(claims.getSubject()).isEqualTo(user.userId());
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(300));
        assertThat(claims.getClaim("tier")).isEqualTo("gold");
        @SuppressWarnings("unchecked")
        Map<String, Object> sessionClaim = (Map<String, Object>) claims.getClaim("https://stytch.com/session");
        assertThat(sessionClaim.get("started_at")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(sessionClaim.get("expires_at")).isEqualTo("2026-01-01T02:00:00Z");
        assertThat(sessionClaim.get("attributes")).isEqualTo(Map.of("ip_address", "203.0.113.7", "user_agent", "Mozilla/5.0"));
        @SuppressWarnings("unchecked")
        Map<String, Object> factor = ((List<Map<String, Object>>) sessionClaim.get("authentication_factors")).get(0);
        assertThat(factor).containsEntry("type", "otp").containsEntry("delivery_method", "sms")
                .containsEntry("last_authenticated_at", "2026-01-01T00:00:00Z").containsKey("phone_number_factor");
    }

    @Test
    void mintWhenFactorAuthenticatedEarlierThenItsTimeRendered() throws Exception {
        Instant earlier = NOW.minus(Duration.ofDays(1));
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> { }),
                s -> s.factor(EmulatedFactors.totp().withLastAuthenticatedAt(earlier)));

        @SuppressWarnings("unchecked")
        Map<String, Object> sessionClaim = (Map<String, Object>) claims(session.sessionJwt()).getClaim("https://stytch.com/session");

        @SuppressWarnings("unchecked")
        Map<String, Object> factor = ((List<Map<String, Object>>) sessionClaim.get("authentication_factors")).get(0);
        assertThat(factor).containsEntry("type", "totp").containsEntry("last_authenticated_at", "2025-12-31T00:00:00Z");
    }

    @Test
    void mintWhenB2bSessionThenOrganizationClaimAndMemberSubject() throws Exception {
        EmulatedOrganization organization = emulator.createOrganization(o -> o.slug("minted-org"));
        EmulatedMember member = emulator.createMember(organization, m -> m.roles("viewer"));
        EmulatedSession session = emulator.createMemberSession(member, s -> { });

        JWTClaimsSet claims = SignedJWT.parse(session.sessionJwt()).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo(member.memberId());
        assertThat(claims.getClaim("https://stytch.com/organization"))
                .isEqualTo(Map.of("organization_id", organization.organizationId(), "slug", "minted-org"));
        assertThat(session.roles()).containsExactly("stytch_member", "viewer");
    }

    @Test
    void connectedAppTokenWhenMintedThenClientIdScopeAndUserSubjectWithoutSessionClaim() throws Exception {
        CLOCK.set(NOW);
        EmulatedUser user = emulator.createUser(u -> u.email("ada@example.com"));

        SignedJWT jwt = SignedJWT.parse(emulator.tokens().connectedAppToken(user).mint());

        assertThat(jwt.verify(new RSASSAVerifier(emulator.keys().signingKey().publicJwk()))).isTrue();
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(emulator.issuer());
        assertThat(claims.getAudience()).containsExactly(emulator.projectId());
        assertThat(claims.getSubject()).isEqualTo(user.userId());
        assertThat(claims.getClaim("client_id")).isEqualTo(emulator.tokens().connectedAppClientId());
        assertThat(emulator.tokens().connectedAppClientId()).startsWith("connected-app-test-");
        assertThat(claims.getClaim("scope")).isEqualTo("openid email profile");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(JwtMinter.CONNECTED_APP_TOKEN_LIFETIME));
        assertThat(claims.getClaims()).doesNotContainKeys("https://stytch.com/session", "https://stytch.com/organization");
    }

    @Test
    void connectedAppTokenWhenMemberThenMemberSubjectAndOrganizationClaim() throws Exception {
        EmulatedOrganization organization = emulator.createOrganization(o -> o.slug("app-org"));
        EmulatedMember member = emulator.createMember(organization, m -> { });

        JWTClaimsSet claims = claims(emulator.tokens().connectedAppToken(member).scopes("read:documents").mint());

        assertThat(claims.getSubject()).isEqualTo(member.memberId());
        assertThat(claims.getClaim("scope")).isEqualTo("read:documents");
        assertThat(claims.getClaim("https://stytch.com/organization"))
                .isEqualTo(Map.of("organization_id", organization.organizationId(), "slug", "app-org"));
        assertThat(claims.getClaims()).doesNotContainKey("https://stytch.com/session");
    }

    @Test
    void idTokenWhenMintedThenAddressedToTheClientWithProfileClaimsAndNoScope() throws Exception {
        CLOCK.set(NOW);
        EmulatedUser user = emulator.createUser(u -> u.email("ada@example.com").name("Ada Lovelace"));
        EmulatedMember member = emulator.createMember(emulator.createOrganization(o -> { }), m -> { });

        JWTClaimsSet claims = claims(emulator.tokens().idToken(user).mint());
        JWTClaimsSet memberClaims = claims(emulator.tokens().idToken(member).mint());

        assertThat(claims.getAudience()).containsExactly(emulator.tokens().connectedAppClientId());
        assertThat(claims.getIssuer()).isEqualTo(emulator.issuer());
        assertThat(claims.getSubject()).isEqualTo(user.userId());
        assertThat(claims.getClaim("name")).isEqualTo("Ada Lovelace");
        assertThat(claims.getClaim("email")).isEqualTo("ada@example.com");
        assertThat(claims.getClaim("email_verified")).isEqualTo(true);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(JwtMinter.ID_TOKEN_LIFETIME));
        assertThat(claims.getClaims()).doesNotContainKeys("scope", "client_id", "https://stytch.com/session");
        assertThat(memberClaims.getSubject()).isEqualTo(member.memberId());
        assertThat(memberClaims.getClaim("email")).isEqualTo(member.email());
    }

    @Test
    void mintWhenTimesSetThenFollowedAndExpiredIsInThePast() throws Exception {
        EmulatedSession session = session();
        Instant iat = NOW.minusSeconds(1000);

        JWTClaimsSet shifted = claims(emulator.tokens().jwt(session).issuedAt(iat).mint());
        JWTClaimsSet explicit = claims(emulator.tokens().jwt(session).issuedAt(iat).notBefore(iat.plusSeconds(5))
                .expiresAt(iat.plusSeconds(9)).mint());
        JWTClaimsSet expired = claims(emulator.tokens().jwt(session).expired().mint());

        assertThat(shifted.getNotBeforeTime().toInstant()).isEqualTo(iat);
        assertThat(shifted.getExpirationTime().toInstant()).isEqualTo(iat.plusSeconds(300));
        assertThat(explicit.getNotBeforeTime().toInstant()).isEqualTo(iat.plusSeconds(5));
        assertThat(explicit.getExpirationTime().toInstant()).isEqualTo(iat.plusSeconds(9));
        assertThat(expired.getExpirationTime().toInstant()).isBefore(CLOCK.instant());
    }

    @Test
    void mintWhenClaimsOverriddenOrRemovedThenAsAsked() throws Exception {
        EmulatedSession session = session();

        JWTClaimsSet claims = claims(emulator.tokens().jwt(session).issuer("https://evil.example").audience("a", "b").subject("someone")
                .claim("extra", List.of(1, 2)).removeClaim("nbf").removeClaim("https://stytch.com/session").mint());

        assertThat(claims.getIssuer()).isEqualTo("https://evil.example");
        assertThat(claims.getAudience()).containsExactly("a", "b");
        assertThat(claims.getSubject()).isEqualTo("someone");
        assertThat(claims.getClaim("extra")).isEqualTo(List.of(1L, 2L));
        assertThat(claims.getClaims()).doesNotContainKeys("nbf", "https://stytch.com/session");
    }

    @Test
    void mintWhenHeaderChangedThenAsAskedAndSignatureStillRs256() throws Exception {
        EmulatedSession session = session();
        EmulatorKey unpublished = emulator.keys().generateUnpublished();

        SignedJWT withJku = SignedJWT.parse(emulator.tokens().jwt(session).header("jku", "https://evil.example/jwks").type(null).mint());
        SignedJWT otherKey = SignedJWT.parse(emulator.tokens().jwt(session).signedWith(unpublished).mint());
        SignedJWT otherKid = SignedJWT.parse(
                emulator.tokens().jwt(session).keyId("jwk-test-unknown").type(new JOSEObjectType("at+jwt")).mint());

        assertThat(withJku.getHeader().getJWKURL()).hasToString("https://evil.example/jwks");
        assertThat(withJku.getHeader().getType()).isNull();
        assertThat(otherKey.getHeader().getKeyID()).isEqualTo(unpublished.kid());
        assertThat(otherKey.verify(new RSASSAVerifier(unpublished.publicJwk()))).isTrue();
        assertThat(otherKid.getHeader().getKeyID()).isEqualTo("jwk-test-unknown");
        assertThat(otherKid.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(otherKid.verify(new RSASSAVerifier(emulator.keys().signingKey().publicJwk()))).isTrue();
    }

    @Test
    void mintWhenSessionRevokedThenStillMintsLikeAnAlreadyIssuedJwt() throws Exception {
        EmulatedSession session = session();
        emulator.revokeSession(session.sessionId());

        assertThat(session.isActive()).isFalse();
        assertThat(claims(session.sessionJwt()).getSubject()).isEqualTo(session.userId());
    }

    @Test
    void mintWhenBaseUrlIssuerStyleThenIssuerIsBaseUrl() throws Exception {
        try (StytchEmulator own = StytchEmulator.builder().issuerStyle(IssuerStyle.BASE_URL).build().start()) {
            EmulatedSession session = own.createSession(own.createUser(u -> { }), s -> { });

            assertThat(claims(session.sessionJwt()).getIssuer()).isEqualTo(own.baseUrl().toString()).isEqualTo(own.issuer());
            assertThat(own.issuer()).doesNotEndWith("/");
        }
    }

    @Test
    void keysWhenPrintedThenOnlyKeyId() {
        EmulatorKey key = emulator.keys().signingKey();

        assertThat(key.toString()).isEqualTo("EmulatorKey[kid=" + key.kid() + "]");
        assertThat(key.certificate().getSubjectX500Principal().getName()).contains(key.kid());
        assertThat(session().toString()).doesNotContain(session().sessionToken());
    }

    private EmulatedSession session() {
        return emulator.createSession(emulator.createUser(u -> u.email("m@example.com")), s -> { });
    }

    private static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }
}
