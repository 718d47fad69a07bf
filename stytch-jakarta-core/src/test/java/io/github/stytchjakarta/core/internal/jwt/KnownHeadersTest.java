package io.github.stytchjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KnownHeadersTest {

    private final KnownHeaders headers = new KnownHeaders();

    @Test
    void keyIdWhenHeaderAddedThenFoundForAnyTokenWithThatHeader() {
        headers.add(token("eyJhbGci.payload1.sig1"), 8, "kid-1");

        assertThat(headers.keyId(token("eyJhbGci.payload2.sig2"), 8)).isEqualTo("kid-1");
    }

    @Test
    void keyIdWhenHeaderDiffersOnlyInLengthThenNotFound() {
        headers.add(token("eyJhbGci.p.s"), 8, "kid-1");

        assertThat(headers.keyId(token("eyJhbGc.p.s"), 7)).isNull();
        assertThat(headers.keyId(token("eyJhbGciX.p.s"), 9)).isNull();
        assertThat(headers.keyId(token("eyJhbGcX.p.s"), 8)).isNull();
    }

    @Test
    void addWhenSameHeaderAgainThenKeptOnce() {
        headers.add(token("aaaa.p.s"), 4, "kid-1");
        headers.add(token("aaaa.q.t"), 4, "kid-1");

        assertThat(headers.size()).isEqualTo(1);
    }

    @Test
    void addWhenFullThenOldestReplaced() {
        for (int i = 0; i < KnownHeaders.MAX_ENTRIES + 4; i++) {
            headers.add(token("header" + (char) ('A' + i) + ".p.s"), 7, "kid-" + i);
        }

        assertThat(headers.size()).isEqualTo(KnownHeaders.MAX_ENTRIES);
        assertThat(headers.keyId(token("headerA.p.s"), 7)).isNull();
        assertThat(headers.keyId(token("headerD.p.s"), 7)).isNull();
        assertThat(headers.keyId(token("headerE.p.s"), 7)).isEqualTo("kid-4");
        assertThat(headers.keyId(token("header" + (char) ('A' + KnownHeaders.MAX_ENTRIES + 3) + ".p.s"), 7))
                .isEqualTo("kid-" + (KnownHeaders.MAX_ENTRIES + 3));
    }

    private static byte[] token(String token) {
        return token.getBytes(StandardCharsets.UTF_8);
    }
}
