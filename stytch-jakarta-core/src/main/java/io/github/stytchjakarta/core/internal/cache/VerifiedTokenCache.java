package io.github.stytchjakarta.core.internal.cache;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded cache of verification results, keyed by the SHA-256 of the token so that tokens are
 * never stored. An entry carries its own expiry (the caller passes the earliest instant at which the
 * token would fail verification) and is never returned after it.
 *
 * <p>When full, a put first drops expired entries, then an arbitrary eighth of the rest (hash order,
 * i.e. effectively random eviction: no bookkeeping on the read path). A hit costs a SHA-256 of the
 * token and one map lookup.
 *
 * <p>Thread-safe.
 *
 * @param <V> the cached value, immutable
 */
public final class VerifiedTokenCache<V> {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    });

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
     * The key of a token.
     *
     * @param token the token, UTF-8
     * @return its SHA-256, as a map key
     */
    public static Key key(byte[] token) {
        MessageDigest digest = SHA_256.get();
        ByteBuffer hash = ByteBuffer.wrap(digest.digest(token));
        return new Key(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
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

    /** A token's SHA-256 as four longs: cheap to hash and compare. */
    public record Key(long a, long b, long c, long d) {
    }

    private record Entry<V>(V value, long expiresAtMillis) {
    }
}
