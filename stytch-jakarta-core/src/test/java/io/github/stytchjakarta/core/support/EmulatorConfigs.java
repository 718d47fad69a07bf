package io.github.stytchjakarta.core.support;

import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfigBuilder;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.time.Duration;

/** Configurations pointing at an emulator, with timeouts short enough for fault tests. */
public final class EmulatorConfigs {

    /** Request timeout in tests: generous for a loaded CI machine, short enough for latency faults. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private EmulatorConfigs() {
    }

    /**
     * @param emulator the emulator
     * @param vertical consumer or B2B
     * @return a builder with the emulator's base URL and credentials
     */
    public static StytchConfigBuilder builder(StytchEmulator emulator, Vertical vertical) {
        return StytchConfig.builder()
                .projectId(emulator.projectId())
                .secret(emulator.secret())
                .vertical(vertical)
                .baseUrl(emulator.baseUrl())
                .httpConnectTimeout(Duration.ofSeconds(2))
                .httpRequestTimeout(REQUEST_TIMEOUT);
    }

    /**
     * @param emulator the emulator
     * @return a consumer configuration
     */
    public static StytchConfig consumer(StytchEmulator emulator) {
        return builder(emulator, Vertical.CONSUMER).build();
    }

    /**
     * @param emulator the emulator
     * @return a B2B configuration
     */
    public static StytchConfig b2b(StytchEmulator emulator) {
        return builder(emulator, Vertical.B2B).build();
    }
}
