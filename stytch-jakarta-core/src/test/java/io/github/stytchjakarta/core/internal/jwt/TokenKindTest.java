package io.github.stytchjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which claims mark which kind, including the shapes only a template or a bug could produce. */
class TokenKindTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"sub":"user-test-1","https://stytch.com/session":{"id":"s"}}                        | SESSION
            {"sub":"user-test-1","https://stytch.com/session":{},"scope":"a","client_id":"c"}    | SESSION
            {"sub":"user-test-1","https://stytch.com/session":null,"scope":"a"}                  | OTHER
            {"sub":"m2m-client-test-1","scope":"read:users"}                                     | M2M_ACCESS
            {"sub":"billing-service","scope":""}                                                 | M2M_ACCESS
            {"scope":"read:users"}                                                               | M2M_ACCESS
            {"sub":"user-test-1","scope":"openid","client_id":"connected-app-test-1"}            | CONNECTED_APP_ACCESS
            {"sub":"m2m-client-test-1","scope":"read:users","client_id":null}                    | CONNECTED_APP_ACCESS
            {"sub":"user-test-1","scope":"openid"}                                               | OTHER
            {"sub":"member-live-1","scope":"openid"}                                             | OTHER
            {"sub":"m2m-client-test-1","scope":"a","https://stytch.com/organization":{}}         | OTHER
            {"sub":"user-test-1","email":"ada@example.com"}                                      | OTHER
            {"sub":"m2m-client-test-1"}                                                          | OTHER
            """)
    void ofWhenClaimsThenKind(String payload, TokenKind kind) {
        byte[] json = payload.getBytes(StandardCharsets.UTF_8);

        assertThat(TokenKind.of(JwtClaims.read(json, 0, json.length))).isEqualTo(kind);
    }
}
