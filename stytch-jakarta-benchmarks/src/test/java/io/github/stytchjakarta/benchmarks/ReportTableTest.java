package io.github.stytchjakarta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.stytchjakarta.benchmarks.ReportTable.Measurement;
import io.github.stytchjakarta.benchmarks.ReportTable.Row;
import io.github.stytchjakarta.benchmarks.ReportTable.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's arithmetic and verdicts, on given measurements. */
class ReportTableTest {

    private static final String SETTING = "test run";

    @Test
    void ofWhenEveryTargetMetThenPassWithRatiosToBaseline() {
        ReportTable table = ReportTable.of(List.of(
                new Measurement(ReportTable.PEEK, 3, 0.1),
                new Measurement(ReportTable.APP_SCOPE_CHECK, 0.2, 0.01),
                new Measurement(ReportTable.APP_WARM, 1.5, 0.1),
                new Measurement(ReportTable.APP_COLD, 63, 1),
                new Measurement(ReportTable.M2M_WARM, 1.2, 0.1),
                new Measurement(ReportTable.M2M_COLD, 54, 1),
                new Measurement(ReportTable.RBAC, 0.5, 0.01),
                new Measurement(ReportTable.SDK, 90, 2),
                new Measurement(ReportTable.WARM, 2, 0.1),
                new Measurement(ReportTable.COLD, 66, 1),
                new Measurement(ReportTable.BASELINE, 60, 1)), SETTING);

        assertThat(table.rows()).extracting(Row::benchmark).containsExactlyElementsOf(ReportTable.BENCHMARKS);
        assertThat(table.rows()).extracting(Row::ratio).usingElementComparator(ReportTableTest::compareApproximately)
                .containsExactly(1.0, 1.1, 2.0 / 60, 1.5, 0.5 / 60, 0.9, 0.02, 1.05, 0.025, 0.2 / 60, 0.05);
        assertThat(table.rows()).extracting(Row::verdict).containsExactly(
                Verdict.NO_TARGET, Verdict.PASS, Verdict.PASS, Verdict.NO_TARGET, Verdict.PASS,
                Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.NO_TARGET);
    }

    @Test
    void ofWhenColdAboveRatioThenFail() {
        assertThat(verdictOf(ReportTable.COLD, 70, 60, 90)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ofWhenColdWithinRatioButSlowerThanSdkThenFail() {
        assertThat(verdictOf(ReportTable.COLD, 66, 60, 65)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ofWhenWarmAboveRatioThenFail() {
        assertThat(verdictOf(ReportTable.WARM, 3.1, 60, 90)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ofWhenRbacAboveBoundThenFail() {
        assertThat(verdictOf(ReportTable.RBAC, 1.2, 60, 90)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ofWhenM2mColdAboveRatioThenFail() {
        assertThat(verdictOf(ReportTable.M2M_COLD, 70, 60, 90)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ofWhenAppColdWithinRatioButSlowerThanSdkThenPass() {
        // the SDK reference is a session JWT's check: an access token's target is the ratio alone
        assertThat(verdictOf(ReportTable.APP_COLD, 68, 60, 65)).isEqualTo(Verdict.PASS);
    }

    @Test
    void ofWhenAppColdAboveRatioThenFail() {
        assertThat(verdictOf(ReportTable.APP_COLD, 69.1, 60, 90)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ofWhenM2mWarmAboveRatioThenFail() {
        assertThat(verdictOf(ReportTable.M2M_WARM, 3.1, 60, 90)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ofWhenAppWarmAboveRatioThenFail() {
        assertThat(verdictOf(ReportTable.APP_WARM, 3.1, 60, 90)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ofWhenAppScopeCheckAboveBoundThenFail() {
        assertThat(verdictOf(ReportTable.APP_SCOPE_CHECK, 1.2, 60, 90)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ofWhenBaselineMissingThenRatioTargetsUnknown() {
        ReportTable table = ReportTable.of(List.of(new Measurement(ReportTable.WARM, 2, 0.1),
                new Measurement(ReportTable.RBAC, 0.5, 0.01)), SETTING);

        assertThat(table.rows()).extracting(Row::verdict).containsExactly(Verdict.UNKNOWN, Verdict.PASS);
        assertThat(table.rows().get(0).ratio()).isNaN();
        assertThat(table.toMarkdown()).contains("| ourWarmVerify | 2.000 ± 0.100 | n/a | ≤ 0.05× jcaVerify | unknown |");
    }

    @Test
    void ofWhenBenchmarkMeasuredTwiceThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportTable.of(List.of(
                new Measurement(ReportTable.COLD, 66, 1), new Measurement(ReportTable.COLD, 67, 1)), SETTING))
                .withMessageContaining(ReportTable.COLD);
    }

    @Test
    void toMarkdownWhenRenderedThenHeaderRowsAndSetting() {
        ReportTable table = ReportTable.of(List.of(new Measurement(ReportTable.BASELINE, 60.1234, Double.NaN),
                new Measurement(ReportTable.COLD, 66, 1), new Measurement(ReportTable.SDK, 90, 2)), SETTING);

        assertThat(table.toMarkdown()).isEqualTo("""
                | benchmark | µs/op ± error | × jcaVerify | target | result |
                |---|---:|---:|---|---|
                | jcaVerify | 60.123 ± n/a | 1.000 | baseline | — |
                | ourColdVerify | 66.000 ± 1.000 | 1.098 | ≤ 1.15× jcaVerify, ≤ sdkLocalVerify | pass |
                | sdkLocalVerify | 90.000 ± 2.000 | 1.497 | reference | — |

                test run
                """);
    }

    @Test
    void toMarkdownWhenAccessTokenRowsThenSessionTargetsWithoutSdk() {
        ReportTable table = ReportTable.of(List.of(new Measurement(ReportTable.BASELINE, 60, 1),
                new Measurement(ReportTable.M2M_COLD, 54, 1), new Measurement(ReportTable.APP_WARM, 1.5, 0.1),
                new Measurement(ReportTable.APP_SCOPE_CHECK, 0.2, 0.01), new Measurement(ReportTable.PEEK, 3, 0.1)), SETTING);

        assertThat(table.toMarkdown()).contains("""
                | m2mColdVerify | 54.000 ± 1.000 | 0.900 | ≤ 1.15× jcaVerify | pass |
                | appWarmVerify | 1.500 ± 0.100 | 0.025 | ≤ 0.05× jcaVerify | pass |
                | appScopeCheck | 0.200 ± 0.010 | 0.003 | ≤ 1.0 µs | pass |
                | tokenKindPeek | 3.000 ± 0.100 | 0.050 | informative | — |
                """);
    }

    private static int compareApproximately(double a, double b) {
        return Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);
    }

    private static Verdict verdictOf(String benchmark, double micros, double baselineMicros, double sdkMicros) {
        ReportTable table = ReportTable.of(List.of(new Measurement(ReportTable.BASELINE, baselineMicros, 1),
                new Measurement(ReportTable.SDK, sdkMicros, 1), new Measurement(benchmark, micros, 1)), SETTING);
        return table.rows().stream().filter(row -> row.benchmark().equals(benchmark)).findFirst().orElseThrow().verdict();
    }
}
