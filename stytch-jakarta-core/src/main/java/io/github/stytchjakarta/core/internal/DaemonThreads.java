package io.github.stytchjakarta.core.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the library's background work (HTTP, key set and policy refresh): daemon
 * threads, so that an application that forgets to close the facade can still exit, with names that
 * say whose they are in a thread dump. Stateless and thread-safe.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /**
     * @param name every thread's name
     * @return a factory of daemon threads all named {@code name} (for single-thread executors)
     */
    public static ThreadFactory named(String name) {
        return runnable -> daemon(runnable, name);
    }

    /**
     * @param prefix the names' prefix
     * @return a factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ...
     */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> daemon(runnable, prefix + "-" + count.incrementAndGet());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
