package io.github.stytchjakarta.core.internal.cache;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded cache of verification results, keyed by a SHA-256 hash of the token (the caller's, see
 * {@link Key#of}) so that tokens are never stored. An entry carries its own expiry (the caller passes the earliest instant at which the
 * token would fail verification) and is never returned after it.
 *
 * <p>When full, a put first drops expired entries, then an arbitrary eighth of the rest (hash order,
 * i.e. effectively random eviction: no bookkeeping on the read path). A hit costs one map lookup.
 *
 * <p>Thread-safe.
 *
 * @param <V> the cached value, immutable
 */
public final class VerifiedTokenCache<V> {

    private final int maxEntries;
    private final ConcurrentHashMap<Key, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ReentrantLock evictionLock = new ReentrantLock();

    /**
     * @param maxEntries the largest number of entries; 0 disables the cache
     */
    public VerifiedTokenCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * @param key       a token key
     * @param nowMillis the current time
     * @return the cached value, or {@code null} when absent or expired
     */
    public V get(Key key, long nowMillis) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.expiresAtMillis) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value;
    }

    /**
     * @param key             a token key
     * @param value           the verification result
     * @param expiresAtMillis the first instant at which the token is no longer valid
     * @param nowMillis       the current time
     */
    public void put(Key key, V value, long expiresAtMillis, long nowMillis) {
        if (maxEntries == 0 || nowMillis >= expiresAtMillis) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evict(nowMillis);
        }
        entries.put(key, new Entry<>(value, expiresAtMillis));
    }

    /** Drops every entry (the signing keys changed). */
    public void clear() {
        entries.clear();
    }

    /** @return the number of entries, expired ones included */
    public int size() {
        return entries.size();
    }

    private void evict(long nowMillis) {
        if (!evictionLock.tryLock()) {
            return;
        }
        try {
            entries.values().removeIf(entry -> nowMillis >= entry.expiresAtMillis);
            int excess = entries.size() - maxEntries + Math.max(1, maxEntries / 8);
            Iterator<Map.Entry<Key, Entry<V>>> iterator = entries.entrySet().iterator();
            while (excess-- > 0 && iterator.hasNext()) {
                iterator.next();
                iterator.remove();
            }
        } finally {
            evictionLock.unlock();
        }
    }

    /** A token's 256-bit hash as four longs: cheap to hash and compare. */
    public record Key(long a, long b, long c, long d) {

        /**
         * @param sha256 a collision-resistant 256-bit hash of the token, e.g. {@code CompactJws.tokenHash()}
         * @return the key
         */
        public static Key of(byte[] sha256) {
            if (sha256.length != 32) {
                throw new IllegalArgumentException("a key is 32 bytes");
            }
            ByteBuffer hash = ByteBuffer.wrap(sha256);
            return new Key(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
        }
    }

    private record Entry<V>(V value, long expiresAtMillis) {
    }
}
