package io.github.stytchjakarta.core.internal.http;

/**
 * The calls in flight of a transport that is closed gracefully: once {@link #close()} is called no call may start,
 * and the shutdown runs when the last call in flight has ended (at once when there is none). The JDK 17
 * {@code HttpClient} cannot be closed, and once its executor is shut down an exchange never completes, not even by
 * timing out; so the executor may only stop after the last exchange.
 *
 * <p>Thread-safe: a counter under one lock.
 */
final class CallsInFlight {

    private final Runnable shutdown;
    private int inFlight; // guarded by this
    private volatile boolean closed; // written under this

    /**
     * @param shutdown run once, when closed and no call is in flight
     */
    CallsInFlight(Runnable shutdown) {
        this.shutdown = shutdown;
    }

    /** @return whether the call may start (then {@link #exit()} must follow); {@code false} once closed */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        inFlight++;
        return true;
    }

    /** A call ended. */
    synchronized void exit() {
        if (--inFlight == 0 && closed) {
            shutdown.run();
        }
    }

    /** @return whether {@link #close()} was called (retries stop then) */
    boolean isClosed() {
        return closed;
    }

    /** Refuses calls from now on; the shutdown runs now or when the last call in flight ends. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            if (inFlight == 0) {
                shutdown.run();
            }
        }
    }
}
