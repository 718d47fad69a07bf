package io.github.stytchjakarta.testkit;

import static io.github.stytchjakarta.testkit.EmulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 10;

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    @Test
    void authenticateWhenManyClientsPatchClaimsConcurrentlyThenNoUpdateIsLost() throws Exception {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatorHttp http = new EmulatorHttp(emulator);
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> { }), s -> { });
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int id = thread;
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int call = 0; call < CALLS_PER_THREAD; call++) {
                        statuses.add(http.post("/v1/sessions/authenticate", body("session_token", session.sessionToken(),
                                "session_custom_claims", body("c" + id + "_" + call, call))).status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(session.customClaims()).hasSize(THREADS * CALLS_PER_THREAD);
    }
}
