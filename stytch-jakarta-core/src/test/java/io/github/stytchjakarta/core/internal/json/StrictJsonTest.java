package io.github.stytchjakarta.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @Test
    void readObjectWhenJwsHeaderThenMembersInOrder() throws Exception {
        Map<String, Object> header = readObject("{\"alg\": \"RS256\", \"typ\": \"JWT\", \"crit\": [\"exp\"], \"x\": null}");

        assertThat(header.keySet()).containsExactly("alg", "typ", "crit", "x");
        assertThat(header).containsEntry("alg", "RS256").containsEntry("crit", List.of("exp")).containsEntry("x", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\": \"RS256\", \"alg\": \"none\"}", "{\"a\": {\"b\": 1, \"b\": 1}}", "[]", "null", "",
        "{} x", "{\"a\": 1} {\"a\": 2}", "{\"a\": 1,}"})
    void readObjectWhenNotExactlyOneObjectWithoutDuplicatesThenIOException(String json) {
        assertThatIOException().isThrownBy(() -> readObject(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EFBBBF7B7D", "FEFF007B007D", "FFFE7B007D00", "0000007B0000007D", "7B0000007D000000",
        "7B22C1A1223A317D", "7B2261223A22EDA080227D", "7B2261223A2280227D"})
    void readObjectWhenNotStrictlyUtf8ThenIOException(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThatIOException().isThrownBy(() -> StrictJson.readObject(bytes, 0, bytes.length));
    }

    private static Map<String, Object> readObject(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return StrictJson.readObject(bytes, 0, bytes.length);
    }
}
