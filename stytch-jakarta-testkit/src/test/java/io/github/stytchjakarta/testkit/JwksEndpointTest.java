package io.github.stytchjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JwksEndpointTest {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private final StytchEmulator emulator = STYTCH.emulator();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @Test
    void jwksWhenFetchedWithoutCredentialsThenEveryJwkFieldAndCacheControl() throws Exception {
        EmulatorHttp.Answer answer = http.getWithout("/v1/sessions/jwks/" + emulator.projectId(), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=900");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().get("status_code").asInt()).isEqualTo(200);
        assertThat(answer.json().get("request_id").asText()).startsWith("request-id-test-");
        JsonNode key = answer.json().get("keys").get(0);
        assertThat(fieldNames(key)).containsExactlyInAnyOrder("kty", "use", "key_ops", "alg", "kid", "x5c", "x5tS256", "n", "e");
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("key_ops").get(0).asText()).isEqualTo("verify");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.get("kid").asText()).isEqualTo(emulator.keys().signingKey().kid()).startsWith("jwk-test-");

        byte[] der = Base64.getDecoder().decode(key.get("x5c").get(0).asText());
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getPublicKey()).isEqualTo(emulator.keys().signingKey().publicJwk().toPublicKey());
        assertThat(key.get("x5tS256").asText())
                .isEqualTo(Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(der)).toString());
    }

    @Test
    void jwksWhenParsedByNimbusThenPublicKeyOfTheSigningKey() throws Exception {
        String body = http.get("/v1/b2b/sessions/jwks/" + emulator.projectId()).response().body();

        JWKSet set = JWKSet.parse(body);

        RSAKey key = (RSAKey) set.getKeyByKeyId(emulator.keys().signingKey().kid());
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.toRSAPublicKey()).isEqualTo(emulator.keys().signingKey().rsaKey().toRSAPublicKey());
    }

    @Test
    void jwksWhenBasicCredentialsAreWrongThen401() {
        EmulatorHttp.Answer answer = http.getWithout("/v1/sessions/jwks/" + emulator.projectId(),
                TestHttp.basic(emulator.projectId(), "wrong-secret"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error_type").asText()).isEqualTo("unauthorized_credentials");
    }

    @Test
    void jwksWhenAnotherProjectIdThen400InvalidProjectId() {
        EmulatorHttp.Answer answer = http.get("/v1/sessions/jwks/project-test-other");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error_type").asText()).isEqualTo("invalid_project_id");
    }

    @Test
    void jwksWhenRotatedThenBothKeysPublishedAndNewKeySigns() throws Exception {
        try (StytchEmulator own = StytchEmulator.builder().build().start()) {
            EmulatorHttp ownHttp = new EmulatorHttp(own);
            String oldKid = own.keys().signingKey().kid();

            EmulatorKey next = own.keys().rotate();

            assertThat(kids(ownHttp)).containsExactly(oldKid, next.kid());
            assertThat(own.keys().signingKey()).isEqualTo(next);

            own.keys().unpublish(oldKid);

            assertThat(kids(ownHttp)).containsExactly(next.kid());
        }
    }

    @Test
    void jwksWhenKeyGeneratedUnpublishedThenNotListedUntilPublished() {
        try (StytchEmulator own = StytchEmulator.builder().build().start()) {
            EmulatorHttp ownHttp = new EmulatorHttp(own);
            EmulatorKey early = own.keys().generateUnpublished();
            own.keys().useForSigning(early);

            assertThat(kids(ownHttp)).doesNotContain(early.kid());

            own.keys().publish(early);

            assertThat(kids(ownHttp)).contains(early.kid());
        }
    }

    private static List<String> kids(EmulatorHttp http) {
        List<String> kids = new ArrayList<>();
        http.getWithout("/v1/sessions/jwks/" + http.emulatorProjectId(), null).json().get("keys")
                .forEach(key -> kids.add(key.get("kid").asText()));
        return kids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
