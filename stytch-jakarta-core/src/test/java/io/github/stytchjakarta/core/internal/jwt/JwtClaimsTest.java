package io.github.stytchjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.internal.json.StrictJson;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtClaimsTest {

    @Test
    void readWhenStytchPayloadThenRegisteredClaimsTypedAndOthersSeparated() {
        JwtClaims claims = read("""
                {"aud": ["project-test-1"], "exp": 1767225900, "iat": 1767225600, "nbf": 1767225600,
                 "iss": "stytch.com/project-test-1", "sub": "member-test-1", "jti": "j",
                 "https://stytch.com/session": {"id": "s", "roles": ["editor"]},
                 "https://stytch.com/organization": {"organization_id": "o"},
                 "https://stytch.com/unused": {"x": [1, 2]},
                 "tier": "gold", "n": 7, "f": 1.5, "ok": true, "none": null, "list": [{"a": "b"}]}
                """);

        assertThat(claims.issuer()).isEqualTo("stytch.com/project-test-1");
        assertThat(claims.subject()).isEqualTo("member-test-1");
        assertThat(claims.audience()).containsExactly("project-test-1");
        assertThat(claims.expiresAtMillis()).isEqualTo(1_767_225_900_000L);
        assertThat(claims.issuedAtMillis()).isEqualTo(1_767_225_600_000L);
        assertThat(claims.notBeforeMillis()).isEqualTo(1_767_225_600_000L);
        assertThat(claims.session()).isEqualTo(Map.of("id", "s", "roles", List.of("editor")));
        assertThat(claims.organization()).isEqualTo(Map.of("organization_id", "o"));
        assertThat(claims.custom().keySet()).containsExactly("tier", "n", "f", "ok", "none", "list");
        assertThat(claims.custom()).containsEntry("tier", "gold").containsEntry("n", 7L).containsEntry("f", 1.5)
                .containsEntry("ok", true).containsEntry("none", null).containsEntry("list", List.of(Map.of("a", "b")));
    }

    @Test
    void readWhenClaimsAbsentOrNullThenAbsent() {
        JwtClaims claims = read("{\"iss\": null, \"sub\": null, \"aud\": null, \"exp\": null}");

        assertThat(claims.issuer()).isNull();
        assertThat(claims.subject()).isNull();
        assertThat(claims.audience()).isEmpty();
        assertThat(claims.expiresAtMillis()).isEqualTo(JwtClaims.ABSENT);
        assertThat(claims.notBeforeMillis()).isEqualTo(JwtClaims.ABSENT);
        assertThat(claims.issuedAtMillis()).isEqualTo(JwtClaims.ABSENT);
        assertThat(claims.session()).isNull();
        assertThat(claims.custom()).isEmpty();
    }

    @Test
    void readWhenAudienceStringThenSingleAudience() {
        assertThat(read("{\"aud\": \"p\"}").audience()).containsExactly("p");
        assertThat(read("{\"aud\": [\"p\", \"q\"]}").audience()).containsExactly("p", "q");
    }

    @Test
    void readWhenSubjectNumberThenItsText() {
        assertThat(read("{\"sub\": 42}").subject()).isEqualTo("42");
    }

    @Test
    void readWhenTimeHasFractionThenTruncatedToTheSecond() {
        assertThat(read("{\"exp\": 1767225900.9}").expiresAtMillis()).isEqualTo(1_767_225_900_000L);
    }

    @Test
    void readWhenTimeAtTheLimitThenAccepted() {
        assertThat(read("{\"exp\": 253402300799, \"iat\": -253402300799}").expiresAtMillis())
                .isEqualTo(JwtClaims.MAX_EPOCH_SECOND * 1000);
    }

    @Test
    void readWhenHugeCustomNumberThenKeptExactly() {
        assertThat(read("{\"big\": 123456789012345678901234567890}").custom())
                .containsEntry("big", new BigInteger("123456789012345678901234567890"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // registered claims of the wrong type
        "{\"exp\": \"tomorrow\"}", "{\"exp\": true}", "{\"exp\": {}}", "{\"nbf\": [1]}", "{\"iat\": \"1\"}",
        "{\"iss\": 1}", "{\"iss\": [\"a\"]}", "{\"sub\": {}}", "{\"sub\": true}",
        "{\"sub\": 1e3}", "{\"sub\": 1.0}", "{\"sub\": 1e400}", "{\"sub\": 9223372036854775808}", "{\"jti\": 1}",
        "{\"aud\": 1}", "{\"aud\": {}}", "{\"aud\": [1]}", "{\"aud\": [\"p\", null]}", "{\"aud\": [[\"p\"]]}",
        // times too large for any clock, or beyond a long
        "{\"exp\": 253402300800}", "{\"exp\": -253402300800}", "{\"exp\": 9223372036854775807}",
        "{\"exp\": 99999999999999999999999}", "{\"exp\": 1e300}", "{\"exp\": 1e400}", "{\"iat\": -1e20}",
        // duplicate names, at any level, in claims read or skipped
        "{\"exp\": 1, \"exp\": 2}", "{\"sub\": \"a\", \"sub\": \"b\"}", "{\"tier\": 1, \"tier\": 2}",
        "{\"https://stytch.com/session\": {\"id\": \"a\", \"id\": \"b\"}}",
        "{\"https://stytch.com/other\": {\"x\": 1, \"x\": 2}}", "{\"https://stytch.com/o\": 1, \"https://stytch.com/o\": 1}",
        "{\"c\": [{\"x\": 1, \"x\": 2}]}",
        // not one JSON object
        "", "null", "[]", "\"claims\"", "1", "{}{}", "{} []", "{\"a\": 1", "{\"a\": 1,}", "{'a': 1}", "{\"a\": NaN}"})
    void readWhenPayloadMalformedThenMalformed(String json) {
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> read(json))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void readWhenNestedToTheLimitThenAccepted() {
        int inner = StrictJson.MAX_NESTING_DEPTH - 1;
        String json = "{\"deep\": " + "[".repeat(inner) + "]".repeat(inner) + "}";

        assertThat(read(json).custom()).containsKey("deep");
    }

    @Test
    void readWhenNestedTooDeepThenMalformed() {
        int inner = StrictJson.MAX_NESTING_DEPTH;
        String json = "{\"deep\": " + "[".repeat(inner) + "]".repeat(inner) + "}";

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> read(json))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void readWhenPayloadWithinALargerArrayThenOnlyThatRangeRead() {
        byte[] bytes = "xx{\"sub\": \"s\"}yy".getBytes(StandardCharsets.UTF_8);

        assertThat(JwtClaims.read(bytes, 2, bytes.length - 4).subject()).isEqualTo("s");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "C1A1646D696E", // overlong 'a': "\xC1\xA1dmin" must not read as "admin"
        "E081A1", "F08081A1", // overlong 'a' in three and four bytes
        "C0AF", "E080AF", // overlong '/'
        "EDA080", "EDBFBF", "EDA0BDEDB880", // surrogates encoded in UTF-8 (CESU-8)
        "F4908080", "F5808080", // beyond U+10FFFF
        "80", "BF", "C3", "E282", "F09F98", // lone continuation bytes, truncated sequences
        "FE", "FF", "C328"}) // bytes that never occur, a lead byte followed by ASCII
    void readWhenRoleNotWellFormedUtf8ThenMalformed(String hex) {
        byte[] bytes = concat(utf8("{\"https://stytch.com/session\": {\"roles\": [\""), HexFormat.of().parseHex(hex),
                utf8("\"]}}"));

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> JwtClaims.read(bytes, 0, bytes.length))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void readWhenByteOrderMarkOrUtf16Or32ThenMalformed() {
        String json = "{\"sub\": \"s\"}";
        List<byte[]> encodings = List.of(concat(HexFormat.of().parseHex("EFBBBF"), utf8(json)),
                json.getBytes(StandardCharsets.UTF_16), json.getBytes(StandardCharsets.UTF_16BE),
                json.getBytes(StandardCharsets.UTF_16LE), json.getBytes(Charset.forName("UTF-32BE")),
                json.getBytes(Charset.forName("UTF-32LE")), concat(HexFormat.of().parseHex("0000FEFF"),
                        json.getBytes(Charset.forName("UTF-32BE"))));

        for (byte[] bytes : encodings) {
            assertThatExceptionOfType(InvalidTokenException.class)
                    .as(HexFormat.of().formatHex(bytes, 0, 8))
                    .isThrownBy(() -> JwtClaims.read(bytes, 0, bytes.length))
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void readWhenWellFormedNonAsciiUtf8ThenRead() {
        assertThat(read("{\"sub\": \"\u00e9\u20ac\ud83d\ude00\"}").subject()).isEqualTo("é€😀");
        assertThat(read("{\"n\": \"\\u00e9\"}").custom()).containsEntry("n", "é");
    }

    private static JwtClaims read(String json) {
        byte[] bytes = utf8(json);
        return JwtClaims.read(bytes, 0, bytes.length);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
