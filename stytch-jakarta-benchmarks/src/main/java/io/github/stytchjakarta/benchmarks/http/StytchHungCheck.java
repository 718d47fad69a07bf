package io.github.stytchjakarta.benchmarks.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Issue 15's "Stytch hung" check: a request with a cached JWT must not slow down while every call to Stytch hangs.
 * In each measured round, the {@link Scenario#STYTCH_HUNG} throughput is divided by the {@link Scenario#CACHED_JWT}
 * throughput of the same round (the two run one after the other); the check passes when the median of those
 * ratios is at least {@value #MIN_RATIO}. The median, like every figure of the table, discards one disturbed round
 * of a shared machine; the rounds below the bound are named in {@link #describe()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param roundRatios the ratio of each measured round, in run order; not empty
 * @param medianRatio their median
 */
public record StytchHungCheck(List<Double> roundRatios, double medianRatio) {

    /** Lowest median ratio that passes: the "at least 0.9 times its normal value in the same run". */
    public static final double MIN_RATIO = 0.9;

    /** Copies the list. */
    public StytchHungCheck {
        roundRatios = List.copyOf(roundRatios);
        if (roundRatios.isEmpty()) {
            throw new IllegalArgumentException("the check needs a round");
        }
    }

    /**
     * @param cached the cached-JWT measurements, in run order
     * @param hung   the Stytch-hung measurements, in run order, one per cached-JWT one
     * @return the check
     */
    static StytchHungCheck of(List<LoadMeasurement> cached, List<LoadMeasurement> hung) {
        if (cached.size() != hung.size()) {
            throw new IllegalArgumentException("the check needs both scenarios in every round: " + cached.size()
                    + " cached-JWT and " + hung.size() + " Stytch-hung rounds");
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < cached.size(); round++) {
            ratios.add(hung.get(round).throughput() / cached.get(round).throughput());
        }
        return new StytchHungCheck(ratios, HttpLoadTable.median(ratios.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** @return whether the median ratio is at least {@value #MIN_RATIO} */
    public boolean passed() {
        return medianRatio >= MIN_RATIO;
    }

    /** @return one line: the ratios, their median, the bound and the verdict */
    public String describe() {
        return String.format(Locale.ROOT, "Stytch hung: cached-JWT throughput while every Stytch call hangs, × the same "
                + "round's cached-JWT throughput: %s; median %.3f (at least %.1f required): %s.",
                roundRatios.stream().map(ratio -> String.format(Locale.ROOT, ratio < MIN_RATIO ? "%.3f (below)" : "%.3f",
                        ratio)).collect(Collectors.joining(" / ")), medianRatio, MIN_RATIO, passed() ? "pass" : "FAIL");
    }
}
