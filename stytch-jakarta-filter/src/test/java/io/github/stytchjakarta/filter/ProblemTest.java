package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wire format every refusal shares, whichever adapter (filter, mechanism, JAX-RS mapper) sends it. */
class ProblemTest {

    private static final Duration CONFIGURED_RETRY = Duration.ofSeconds(30);

    @Test
    void bodyWhenRenderedThenTheMembersOfTheContractInOrder() {
        Problem problem = Problem.of(new WebFailure(WebFailure.Kind.MISSING_CREDENTIALS, "stytch.missing_token",
                "authentication is required", Optional.empty(), Optional.empty()), "stytch", CONFIGURED_RETRY);

        assertThat(new String(problem.body(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"about:blank\",\"title\":"
                + "\"Unauthorized\",\"status\":401,\"detail\":\"authentication is required\",\"code\":\"stytch.missing_token\"}");
        assertThat(problem.headers()).containsExactly(Map.entry("WWW-Authenticate", "Bearer realm=\"stytch\""),
                Map.entry("Cache-Control", "no-store"));
    }

    @Test
    void ofWhenBearerRequestForbiddenThenInsufficientScopeChallenge() {
        Problem problem = Problem.of(forbidden(CredentialSource.BEARER_HEADER, "the session's roles do not grant this permission"),
                "stytch", CONFIGURED_RETRY);

        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.code()).isEqualTo("stytch.forbidden.permission_denied");
        assertThat(problem.title()).isEqualTo("Forbidden");
        assertThat(problem.detail()).isEqualTo("the session's roles do not grant this permission");
        assertThat(problem.retryAfter()).isEmpty();
        assertThat(problem.wwwAuthenticate()).hasValue("Bearer realm=\"stytch\", error=\"insufficient_scope\", "
                + "error_description=\"the session's roles do not grant this permission\"");
    }

    @Test
    void ofWhenCookieRequestForbiddenThenNoChallenge() {
        Problem problem = Problem.of(forbidden(CredentialSource.SESSION_COOKIE, "refused"), "stytch", CONFIGURED_RETRY);

        assertThat(problem.wwwAuthenticate()).isEmpty();
        assertThat(problem.headers()).containsOnlyKeys("Cache-Control");
    }

    @Test
    void ofWhenDetailHasQuotesOrControlCharactersThenChallengeReplacesThem() {
        Problem problem = Problem.of(forbidden(CredentialSource.BEARER_HEADER, "a \"b\\c\nd"), "stytch", CONFIGURED_RETRY);

        assertThat(problem.wwwAuthenticate().orElseThrow()).endsWith("error_description=\"a  b c d\"");
    }

    @Test
    void ofWhenUnavailableThenRetryAfterOfTheFailureElseConfiguredAndAtLeastOneSecond() {
        WebFailure withoutDelay = new WebFailure(WebFailure.Kind.UNAVAILABLE, "stytch.unavailable", "later",
                Optional.empty(), Optional.empty());
        WebFailure withZeroDelay = new WebFailure(WebFailure.Kind.UNAVAILABLE, "stytch.unavailable", "later",
                Optional.empty(), Optional.of(Duration.ZERO));

        assertThat(Problem.of(withoutDelay, "stytch", CONFIGURED_RETRY).headers()).containsEntry("Retry-After", "30");
        assertThat(Problem.of(withZeroDelay, "stytch", CONFIGURED_RETRY).headers()).containsEntry("Retry-After", "1");
        assertThat(Problem.of(withoutDelay, "stytch", CONFIGURED_RETRY).wwwAuthenticate()).isEmpty();
    }

    private static WebFailure forbidden(CredentialSource source, String detail) {
        return new WebFailure(WebFailure.Kind.FORBIDDEN, "stytch.forbidden.permission_denied", detail, Optional.of(source),
                Optional.empty());
    }
}
