package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The return-target check that keeps the login redirect from becoming an open redirect. */
class StytchWebAuthenticatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/app/reports?year=2026", "/app/a%2F%2Fb", "/app//double/inside", "/a?next=//evil.example"})
    void isSafeReturnTargetWhenSameOriginPathThenTrue(String target) {
        assertThat(StytchWebAuthenticator.isSafeReturnTarget(target)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "//evil.example/x", "/\\evil.example", "\\\\evil.example", "https://evil.example/",
            "javascript:alert(1)", "evil.example", "/a\tb", "/a\nLocation: x", "/caf\u00e9", " /leading-space"})
    void isSafeReturnTargetWhenItCouldLeaveTheSiteThenFalse(String target) {
        assertThat(StytchWebAuthenticator.isSafeReturnTarget(target)).isFalse();
    }

    @Test
    void isSafeReturnTargetWhenNullOrTooLongThenFalse() {
        assertThat(StytchWebAuthenticator.isSafeReturnTarget(null)).isFalse();
        assertThat(StytchWebAuthenticator.isSafeReturnTarget("/" + "a".repeat(StytchWebAuthenticator.MAX_RETURN_TARGET_LENGTH)))
                .isFalse();
    }
}
