package io.github.stytchjakarta.benchmarks;

import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfigBuilder;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.time.Duration;

/** The configuration every benchmark's facade starts from. */
public final class EmulatorConfigs {

    private EmulatorConfigs() {
    }

    /**
     * A B2B configuration for an emulator whose key set and policies stay cached for a whole run, so that
     * no run sees a refresh.
     *
     * @param emulator the emulator
     * @param lifetime how long key sets and policies stay cached: longer than any run
     * @return a builder to add to
     */
    public static StytchConfigBuilder b2b(StytchEmulator emulator, Duration lifetime) {
        return StytchConfig.builder()
                .projectId(emulator.projectId())
                .secret(emulator.secret())
                .vertical(Vertical.B2B)
                .baseUrl(emulator.baseUrl())
                .jwksCacheTtl(lifetime)
                .rbacPolicyTtl(lifetime);
    }
}
