package io.github.stytchjakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StytchEmulatorExtension.class)
class StytchEmulatorExtensionTest {

    private static StytchEmulator fromConstructor;

    StytchEmulatorExtensionTest(StytchEmulator emulator) {
        fromConstructor = emulator;
    }

    @AfterAll
    static void emulatorIsStillRunningInAfterAll() {
        assertThat(new EmulatorHttp(fromConstructor).get("/v1/rbac/policy").status()).isEqualTo(200);
    }

    @Test
    void parameterWhenInjectedThenStartedAndSameAsConstructorOne(StytchEmulator emulator) {
        assertThat(emulator).isSameAs(fromConstructor);
        assertThat(emulator.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(new EmulatorHttp(emulator).get("/v1/rbac/policy").status()).isEqualTo(200);
    }

    @Test
    void faultsWhenSetByAnotherTestThenClearedBeforeThisOne(StytchEmulator emulator) {
        assertCleanThenDirty(emulator);
    }

    @Test
    void faultsWhenSetByThisTestThenClearedBeforeTheNextOne(StytchEmulator emulator) {
        assertCleanThenDirty(emulator);
    }

    /** Whichever of the two tests above runs second sees what the first left behind, unless the extension cleared it. */
    private static void assertCleanThenDirty(StytchEmulator emulator) {
        assertThat(emulator.requestLog().requests()).isEmpty();
        assertThat(new EmulatorHttp(emulator).post("/v1/sessions/authenticate", EmulatorHttp.body()).status()).isEqualTo(400);
        emulator.faults().respond("/v1/sessions/authenticate", 500);
    }

    @Nested
    class NestedTests {

        @Test
        void nestedClassWhenParameterInjectedThenSharesTheOuterEmulator(StytchEmulator emulator) {
            assertThat(emulator).isSameAs(fromConstructor);
        }
    }
}
