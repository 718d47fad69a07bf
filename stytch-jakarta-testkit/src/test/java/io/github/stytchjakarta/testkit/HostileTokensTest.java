package io.github.stytchjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
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
