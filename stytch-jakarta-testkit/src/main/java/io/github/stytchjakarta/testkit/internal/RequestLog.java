package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.RecordedRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The requests the emulator received, oldest first, bounded so that a long-running standalone emulator does not
 * grow without limit. Thread-safe.
 */
public final class RequestLog {

    /** The most requests kept; older ones are dropped. */
    public static final int CAPACITY = 10_000;

    private final Deque<RecordedRequest> entries = new ArrayDeque<>();

    public synchronized void add(RecordedRequest request) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    /**
     * @param pathPrefix a path prefix; {@code ""} for all
     * @return the matching requests, oldest first
     */
    public synchronized List<RecordedRequest> snapshot(String pathPrefix) {
        return entries.stream().filter(request -> request.path().startsWith(pathPrefix)).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
