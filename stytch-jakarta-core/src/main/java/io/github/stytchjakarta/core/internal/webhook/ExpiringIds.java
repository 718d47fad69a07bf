package io.github.stytchjakarta.core.internal.webhook;

import io.github.stytchjakarta.core.internal.LogThrottle;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded set of ids, each remembered until its own expiry: the {@code svix-id}s already processed (replay
 * protection) and the sessions, users, members and organizations revoked by webhooks. At most
 * {@code maxEntries} ids; when full, expired ids are dropped first, then the oldest, with a throttled
 * WARNING (refusing new ids instead would let a burst of events hide the newest revocations).
 *
 * <p>Thread-safe: every access takes the instance's lock; {@link #isEmpty()} reads a volatile count, so that
 * the request path costs nothing while nothing is revoked.
 */
public final class ExpiringIds {

    private static final System.Logger LOG = System.getLogger(ExpiringIds.class.getName());

    private final String what;
    private final int maxEntries;
    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>(); // guarded by this, insertion order
    private final LogThrottle fullWarnings = new LogThrottle();
    private volatile int size;

    /**
     * @param what       what the ids are, for the warning
     * @param maxEntries the most ids held
     */
    public ExpiringIds(String what, int maxEntries) {
        this.what = what;
        this.maxEntries = maxEntries;
    }

    /**
     * Remembers an id until an instant, unless it is remembered already.
     *
     * @param id              the id
     * @param expiresAtMillis when to forget it
     * @param nowMillis       the current time
     * @return {@code true} if the id was not remembered (or had expired)
     */
    public synchronized boolean add(String id, long expiresAtMillis, long nowMillis) {
        Long existing = expiries.get(id);
        if (existing != null && nowMillis < existing) {
            return false;
        }
        expiries.remove(id); // re-inserted last: it is the newest
        if (expiries.size() >= maxEntries) {
            expiries.values().removeIf(expiry -> nowMillis >= expiry);
        }
        Iterator<Map.Entry<String, Long>> oldest = expiries.entrySet().iterator();
        while (expiries.size() >= maxEntries && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
            if (fullWarnings.tryWarn(nowMillis)) {
                LOG.log(System.Logger.Level.WARNING, "more than " + maxEntries + " " + what
                        + " remembered: the oldest are forgotten before they expire");
            }
        }
        expiries.put(id, expiresAtMillis);
        size = expiries.size();
        return true;
    }

    /**
     * @param id        an id, may be {@code null}
     * @param nowMillis the current time
     * @return whether the id is remembered and not expired
     */
    public boolean contains(String id, long nowMillis) {
        if (id == null || size == 0) {
            return false;
        }
        synchronized (this) {
            Long expiry = expiries.get(id);
            return expiry != null && nowMillis < expiry;
        }
    }

    /** @return {@code true} when no id is remembered */
    public boolean isEmpty() {
        return size == 0;
    }
}
