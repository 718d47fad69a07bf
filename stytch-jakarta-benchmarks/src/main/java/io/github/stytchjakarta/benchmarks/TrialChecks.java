package io.github.stytchjakarta.benchmarks;

import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.util.List;

/**
 * The checks a benchmark's trial makes before and after measuring, so that a number never stands for a path that
 * failed or called the network. Stateless and thread-safe.
 */
final class TrialChecks {

    private TrialChecks() {
    }

    /**
     * @param condition what must hold
     * @param problem   the message when it does not
     * @throws IllegalStateException when it does not
     */
    static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }

    /**
     * @param emulator the emulator whose request log must be empty
     * @param when     when the calls happened, for the message
     * @throws IllegalStateException naming the calls, when there were any
     */
    static void requireNoNetworkCalls(StytchEmulator emulator, String when) {
        List<RecordedRequest> calls = emulator.requestLog().requests();
        require(calls.isEmpty(), "network calls " + when + ": " + calls);
    }
}
