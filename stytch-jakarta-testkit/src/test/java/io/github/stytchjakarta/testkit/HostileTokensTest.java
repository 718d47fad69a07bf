package io.github.stytchjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HostileTokensTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private RSAKey publicJwk;
    private String genuine;
    private String other;

    @BeforeEach
    void mintGenuineTokens() {
        StytchEmulator emulator = STYTCH.emulator();
        publicJwk = emulator.keys().signingKey().publicJwk();
        EmulatedUser ada = emulator.createUser(u -> u.email("ada@example.com"));
        genuine = emulator.createSession(ada, s -> s.duration(Duration.ofHours(1))).sessionJwt();
        other = emulator.createSession(ada, s -> s.duration(Duration.ofHours(1))).sessionJwt();
    }

    @Test
    void algNoneWhenMadeThenUnsignedWithTheSameClaims() throws Exception {
        String token = HostileTokens.algNone(genuine);

        assertThat(token).endsWith(".");
        assertThat(new Base64URL(token.split("\\.")[0]).decodeToString()).contains("\"alg\":\"none\"");
        assertThat(token.split("\\.")[1]).isEqualTo(genuine.split("\\.")[1]);
    }

    @Test
    void hs256WithPublicKeyWhenMadeThenHmacVerifiesWithThePublicKeyEncoding() throws Exception {
        SignedJWT token = SignedJWT.parse(HostileTokens.hs256WithPublicKey(genuine, publicJwk));

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(token.getHeader().getKeyID()).isEqualTo(publicJwk.getKeyID());
        assertThat(token.verify(new MACVerifier(publicJwk.toRSAPublicKey().getEncoded()))).isTrue();
        assertThat(token.getJWTClaimsSet()).isEqualTo(SignedJWT.parse(genuine).getJWTClaimsSet());
    }

    @Test
    void jweWhenMadeThenFivePartsEncryptedToThePublishedKey() throws Exception {
        String token = HostileTokens.jwe(genuine, publicJwk);

        assertThat(token.split("\\.")).hasSize(5);
        assertThat(EncryptedJWT.parse(token).getHeader().getKeyID()).isEqualTo(publicJwk.getKeyID());
    }

    @Test
    void tamperedSignatureWhenMadeThenOneCharacterDiffersAndSignatureFails() throws Exception {
        String token = HostileTokens.tamperedSignature(genuine);

        assertThat(token).hasSameSizeAs(genuine).isNotEqualTo(genuine);
        assertThat(SignedJWT.parse(genuine).verify(new RSASSAVerifier(publicJwk))).isTrue();
        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(publicJwk))).isFalse();
    }

    @Test
    void swappedPayloadWhenMadeThenGenuineSignatureOverOtherClaimsFails() throws Exception {
        String token = HostileTokens.swappedPayload(genuine, other);

        assertThat(token.split("\\.")[1]).isEqualTo(other.split("\\.")[1]);
        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(publicJwk))).isFalse();
    }

    @Test
    void relabelledAsM2mWhenSessionJwtThenSignedScopeAndUserSubjectWithoutStytchClaims() throws Exception {
        EmulatorKey key = STYTCH.emulator().keys().signingKey();

        SignedJWT token = SignedJWT.parse(HostileTokens.relabelledAsM2m(genuine, key));

        assertThat(token.verify(new RSASSAVerifier(key.publicJwk()))).isTrue();
        assertThat(token.getHeader().toJSONObject()).isEqualTo(SignedJWT.parse(genuine).getHeader().toJSONObject());
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getClaim("scope")).isEqualTo(HostileTokens.RELABELLED_SCOPE);
        assertThat(claims.getSubject()).isEqualTo(SignedJWT.parse(genuine).getJWTClaimsSet().getSubject()).startsWith("user-");
        assertThat(claims.getClaims()).doesNotContainKey("https://stytch.com/session");
    }

    @Test
    void relabelledAsM2mWhenConnectedAppTokenThenClientIdAndOrganizationGoneAndScopeKept() throws Exception {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatedMember member = emulator.createMember(emulator.createOrganization(o -> { }), m -> { });
        String connectedApp = emulator.tokens().connectedAppToken(member).scopes("read:documents").mint();

        JWTClaimsSet claims = SignedJWT.parse(HostileTokens.relabelledAsM2m(connectedApp, emulator.keys().signingKey()))
                .getJWTClaimsSet();

        assertThat(claims.getClaim("scope")).isEqualTo("read:documents");
        assertThat(claims.getSubject()).isEqualTo(member.memberId());
        assertThat(claims.getClaims()).doesNotContainKeys("client_id", "https://stytch.com/organization");
    }

    @Test
    void readdressedWhenIdTokenThenAddressedToTheProjectAndSigned() throws Exception {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatorKey key = emulator.keys().signingKey();
        String idToken = emulator.tokens().idToken(emulator.createUser(u -> u.email("id@example.com"))).mint();

        SignedJWT token = SignedJWT.parse(HostileTokens.readdressed(idToken, key, emulator.projectId()));

        assertThat(token.verify(new RSASSAVerifier(key.publicJwk()))).isTrue();
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(emulator.projectId());
        assertThat(token.getJWTClaimsSet().getClaim("email")).isEqualTo("id@example.com");
    }

    @Test
    void garbageWhenMadeThenNotParseable() {
        assertThatThrownBy(() -> SignedJWT.parse(HostileTokens.truncated(genuine))).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> SignedJWT.parse(HostileTokens.badBase64Payload(genuine)).getJWTClaimsSet())
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> SignedJWT.parse(HostileTokens.notJsonPayload(genuine)).getJWTClaimsSet())
                .isInstanceOf(ParseException.class);
    }

    @Test
    void anyVariantWhenInputIsNotACompactJwsThenIllegalArgument() {
        assertThatThrownBy(() -> HostileTokens.truncated("not-a-jwt")).isInstanceOf(IllegalArgumentException.class);
    }
}
