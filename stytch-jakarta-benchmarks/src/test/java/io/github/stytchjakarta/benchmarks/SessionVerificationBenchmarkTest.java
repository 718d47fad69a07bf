package io.github.stytchjakarta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.stytch.java.b2b.models.sessions.MemberSession;
import com.stytch.java.common.StytchResult;
import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.AuthenticatedSession.VerifiedBy;
import io.github.stytchjakarta.core.StytchMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each benchmark, invoked through the JMH state lifecycle outside JMH (one trial for the class), does
 * what it claims. No timing is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionVerificationBenchmarkTest {

    private final SessionVerificationBenchmark benchmark = new SessionVerificationBenchmark();

    @BeforeAll
    void setUp() throws Exception {
        benchmark.tokenPoolSize = 4;
        benchmark.setUp();
    }

    @AfterAll
    void tearDown() {
        benchmark.tearDown();
    }

    @Test
    void jcaVerifyWhenCalledThenSignatureVerifies() throws Exception {
        assertThat(benchmark.jcaVerify()).isTrue();
    }

    @Test
    void ourColdVerifyWhenCalledThenEachTokenIsVerifiedLocallyNotFromCache() {
        for (int i = 0; i < 2 * benchmark.tokenPoolSize; i++) {
            AuthenticatedSession session = benchmark.ourColdVerify();

            assertThat(session.verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
            assertThat(session.principal()).isInstanceOf(StytchMember.class);
        }
    }

    @Test
    void ourWarmVerifyWhenCalledThenAnsweredByCache() {
        AuthenticatedSession session = benchmark.ourWarmVerify();

        assertThat(session.verifiedBy()).isEqualTo(VerifiedBy.CACHE);
        assertThat(session.principal().roles()).contains("editor");
    }

    @Test
    void sdkLocalVerifyWhenCalledThenSdkReturnsTheSameMember() {
        Object result = benchmark.sdkLocalVerify();

        assertThat(result).isInstanceOf(StytchResult.Success.class);
        MemberSession session = (MemberSession) ((StytchResult.Success<?>) result).getValue();
        assertThat(session.getMemberId()).isEqualTo(benchmark.ourWarmVerify().principal().getName());
    }

    @Test
    void rbacCheckWhenCalledThenEditorMayReadDocuments() {
        assertThat(benchmark.rbacCheck().granted()).isTrue();
        assertThat(benchmark.rbacCheck().grantingRoles()).containsExactly("editor");
    }
}
