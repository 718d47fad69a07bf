package io.github.stytchjakarta.core.internal.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs one call per key at a time: a caller that arrives while the call for its key is in flight waits for it and
 * gets its result, or its failure, instead of making the same call again. The wait is the call itself, so it is
 * bounded by whatever bounds the call (for Stytch calls, the HTTP timeouts). Nothing is kept after the call ends.
 *
 * <p>Thread-safe.
 *
 * @param <K> the key, e.g. a token hash
 * @param <V> the result, immutable
 */
public final class SingleFlight<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
    private final UnaryOperator<RuntimeException> forWaiter;

    /**
     * @param forWaiter makes the exception a waiting caller throws from the one the call threw (a fresh exception
     *                  per thread, with the original as its cause, so stack traces stay true)
     */
    public SingleFlight(UnaryOperator<RuntimeException> forWaiter) {
        this.forWaiter = forWaiter;
    }

    /**
     * @param key  the key
     * @param call the call, run on this thread unless one for the key is in flight
     * @return the call's result
     */
    public V run(K key, Supplier<V> call) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = inFlight.putIfAbsent(key, mine);
        if (theirs != null) {
            return await(theirs);
        }
        try {
            V value = call.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** @return the number of calls in flight */
    public int size() {
        return inFlight.size();
    }

    private V await(CompletableFuture<V> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw forWaiter.apply(new IllegalStateException("interrupted while waiting for a call in flight", e));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw forWaiter.apply(failure);
            }
            throw (Error) e.getCause();
        }
    }
}
