package io.github.stytchjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactJwsTest {

    @Test
    void parseWhenThreePartsThenLocatedAndTheWholeTokenHashed() throws GeneralSecurityException {
        CompactJws jws = CompactJws.parse(utf8("aGVhZGVy.cGF5bG9hZA.c2ln"));

        assertThat(jws.headerEnd()).isEqualTo(8);
        assertThat(jws.payloadEnd()).isEqualTo(19);
        assertThat(jws.tokenHash()).isEqualTo(sha256("aGVhZGVy.cGF5bG9hZA.c2ln"));
        assertThat(jws.isFiveParts()).isFalse();
    }

    @Test
    void parseWhenFivePartsThenFirstAndLastDotFoundAndRecognised() {
        CompactJws jws = CompactJws.parse(utf8("aGVhZGVy.a2V5.aXY.Y2lwaGVy.dGFn"));

        assertThat(jws.headerEnd()).isEqualTo(8);
        assertThat(jws.payloadEnd()).isEqualTo(26);
        assertThat(jws.isFiveParts()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "abc.def", ".payload.signature", "abc."})
    void parseWhenNotThreePartsWithAHeaderThenMalformed(String token) {
        assertThatThrownBy(() -> CompactJws.parse(utf8(token)))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void parseWhenLongerThanMaximumThenMalformed() {
        byte[] token = utf8("a.b." + "c".repeat(CompactJws.MAX_TOKEN_LENGTH));

        assertThatThrownBy(() -> CompactJws.parse(token))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void tokenHashWhenAnyPartDiffersThenHashDiffers() {
        byte[] hash = CompactJws.parse(utf8("aGVhZGVy.cGF5bG9hZA.c2ln")).tokenHash();

        assertThat(CompactJws.parse(utf8("aGVhZGVy.cGF5bG9hZA.c2ln")).tokenHash()).isEqualTo(hash).hasSize(32);
        assertThat(CompactJws.parse(utf8("aGVhZGVy.cGF5bG9hZA.c2lo")).tokenHash()).isNotEqualTo(hash);
        assertThat(CompactJws.parse(utf8("aGVhZGVy.cGF5bG9hZB.c2ln")).tokenHash()).isNotEqualTo(hash);
        assertThat(CompactJws.parse(utf8("aGVhZGVz.cGF5bG9hZA.c2ln")).tokenHash()).isNotEqualTo(hash);
        // a dot moved between payload and signature changes the signing input, hence the hash
        assertThat(CompactJws.parse(utf8("aGVhZGVy.cGF5bG9hZ.Ac2ln")).tokenHash()).isNotEqualTo(hash);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(utf8(text));
    }
}
