package io.github.stytchjakarta.filter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "/**,              /,                      true",
            "/**,              /a/b/c,                 true",
            "/api/**,          /api,                   true",
            "/api/**,          /api/,                  true",
            "/api/**,          /api/documents/1,       true",
            "/api/**,          /apix,                  false",
            "/api/**,          /other/api,             false",
            "/api/*,           /api/documents,         true",
            "/api/*,           /api/documents/1,       false",
            "/api/*,           /api,                   false",
            "/static/*.css,    /static/site.css,       true",
            "/static/*.css,    /static/site.js,        false",
            "/static/*.css,    /static/css,            false",
            "/v*/items,        /v2/items,              true",
            "/a*b*c,           /abc,                   true",
            "/a*b*c,           /aXbYc,                 true",
            "/a*b*c,           /acb,                   false",
            "/**/edit,         /documents/1/edit,      true",
            "/**/edit,         /edit,                  true",
            "/**/edit,         /documents/1/view,      false",
            "/login,           /login,                 true",
            "/login,           /login/,                true",
            "/login,           /login/x,               false",
            "/login,           /LOGIN,                 false",
            "/,                /,                      true",
            "/,                /a,                     false",
    })
    void matchesWhenPatternAndPathThenAsSpecified(String pattern, String path, boolean expected) {
        assertThat(PathPattern.compile(pattern).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api/**", "/api/**x", "/a/../b", "/a/./b", "/a//b", "/a b", "/a\\b", "/a?x=1", "/a#f",
            "/a;x"})
    void compileWhenSyntaxInvalidThenRejectedWithoutRepeatingIt(String pattern) {
        assertThatIllegalArgumentException().isThrownBy(() -> PathPattern.compile(pattern))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(pattern.isEmpty() ? "\u0000" : pattern));
    }
}
