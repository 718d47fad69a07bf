package io.github.stytchjakarta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.ConnectedAppCaller;
import io.github.stytchjakarta.core.M2mCaller;
import io.github.stytchjakarta.core.internal.jwt.TokenKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each access-token benchmark, invoked through the JMH state lifecycle outside JMH (one trial for the class), does
 * what it claims: the cold ones build a new caller every call, the warm ones return the cached one. No timing is
 * asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTokenVerificationBenchmarkTest {

    private final AccessTokenVerificationBenchmark benchmark = new AccessTokenVerificationBenchmark();

    @BeforeAll
    void setUp() {
        benchmark.tokenPoolSize = 4;
        benchmark.setUp();
    }

    @AfterAll
    void tearDown() {
        benchmark.tearDown();
    }

    @Test
    void m2mColdVerifyWhenCalledThenEachCallVerifiesTheDemoClientAnew() {
        List<M2mCaller> callers = new ArrayList<>();
        for (int i = 0; i < 2 * benchmark.tokenPoolSize; i++) {
            callers.add(benchmark.m2mColdVerify());
        }

        assertThat(callers).extracting(M2mCaller::scopes).containsOnly(List.of("read:documents", "write:documents"));
        assertThat(callers).extracting(M2mCaller::clientId).containsOnly(benchmark.m2mWarmVerify().clientId());
        // a token seen a round before is verified again, not taken from a cache
        assertThat(callers.get(benchmark.tokenPoolSize)).isNotSameAs(callers.get(0));
    }

    @Test
    void m2mWarmVerifyWhenCalledThenAnsweredByCache() {
        assertThat(benchmark.m2mWarmVerify()).isSameAs(benchmark.m2mWarmVerify());
    }

    @Test
    void appColdVerifyWhenCalledThenEachCallVerifiesBobsTokenAnew() {
        List<ConnectedAppCaller> callers = new ArrayList<>();
        for (int i = 0; i < 2 * benchmark.tokenPoolSize; i++) {
            callers.add(benchmark.appColdVerify());
        }

        ConnectedAppCaller cached = benchmark.appWarmVerify();
        assertThat(callers).extracting(ConnectedAppCaller::subject).containsOnly(cached.subject());
        assertThat(callers).extracting(ConnectedAppCaller::organizationId).containsOnly(cached.organizationId());
        assertThat(callers).extracting(ConnectedAppCaller::scopes).containsOnly(AccessTokenVerificationBenchmark.APP_SCOPES);
        assertThat(callers.get(benchmark.tokenPoolSize)).isNotSameAs(callers.get(0));
    }

    @Test
    void appWarmVerifyWhenCalledThenAnsweredByCache() {
        ConnectedAppCaller caller = benchmark.appWarmVerify();

        assertThat(caller).isSameAs(benchmark.appWarmVerify());
        assertThat(caller.subject()).startsWith("member-");
        assertThat(caller.organizationId()).isPresent();
    }

    @Test
    void tokenKindPeekWhenCalledThenConnectedAppAccess() {
        assertThat(benchmark.tokenKindPeek()).isEqualTo(TokenKind.CONNECTED_APP_ACCESS);
    }

    @Test
    void appScopeCheckWhenCalledThenReadDocumentsScopeGrantsIt() {
        assertThat(benchmark.appScopeCheck().granted()).isTrue();
        assertThat(benchmark.appScopeCheck().grantingRoles()).containsExactly("read:documents");
    }
}
