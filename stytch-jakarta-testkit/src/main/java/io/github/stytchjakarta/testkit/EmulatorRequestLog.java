package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.RequestLog;
import java.util.List;
import java.util.Objects;

/**
 * The requests the emulator received ({@link StytchEmulator#requestLog()}), oldest first, at most the last 10 000:
 * to assert which API calls the code under test made. Thread-safe.
 *
 * <pre>
 * emulator.requestLog().clear();
 * // ... exercise the code under test
 * assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).hasSize(1);
 * </pre>
 */
public final class EmulatorRequestLog {

    private final RequestLog log;

    EmulatorRequestLog(RequestLog log) {
        this.log = log;
    }

    /** @return every recorded request, oldest first */
    public List<RecordedRequest> requests() {
        return log.snapshot("");
    }

    /**
     * @param pathPrefix a path prefix, e.g. {@code /v1/sessions/jwks/}
     * @return the recorded requests whose path starts with it, oldest first
     */
    public List<RecordedRequest> requests(String pathPrefix) {
        return log.snapshot(Objects.requireNonNull(pathPrefix, "pathPrefix"));
    }

    /** Forgets the recorded requests. */
    public void clear() {
        log.clear();
    }
}
