package io.github.stytchjakarta.core.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final long NOW = 1_000_000L;
    private static final long BYTES = 1_000;
    private static final long UNBOUNDED_BYTES = Long.MAX_VALUE;

    @Test
    void getWhenEntryNotExpiredThenReturnedUntilItsExpiry() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, UNBOUNDED_BYTES);
        cache.put(key("token"), "principal", BYTES, NOW + 100, NOW);

        assertThat(cache.get(key("token"), NOW + 99)).isEqualTo("principal");
        assertThat(cache.get(key("token"), NOW + 100)).isNull();
    }

    @Test
    void keyWhenHashesDifferInOneBitThenKeysDiffer() {
        byte[] hash = sha256("a.b.c");
        byte[] flipped = hash.clone();
        flipped[31] ^= 1;

        assertThat(VerifiedTokenCache.Key.of(hash)).isEqualTo(VerifiedTokenCache.Key.of(hash.clone()))
                .isNotEqualTo(VerifiedTokenCache.Key.of(flipped));
    }

    @Test
    void keyWhenNotThirtyTwoBytesThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> VerifiedTokenCache.Key.of(new byte[31]));
    }

    @Test
    void putWhenFullThenExpiredEntriesDroppedFirstAndSizeBounded() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(100, UNBOUNDED_BYTES);
        for (int i = 0; i < 100; i++) {
            cache.put(key("old" + i), "v", BYTES, NOW + (i < 50 ? 1 : 1_000), NOW);
        }

        cache.put(key("new"), "v", BYTES, NOW + 1_000, NOW + 10);

        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.get(key("new"), NOW + 10)).isEqualTo("v");
        assertThat(cache.get(key("old99"), NOW + 10)).isEqualTo("v");
    }

    @Test
    void putWhenManyMoreThanMaxThenNeverExceedsMax() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(64, UNBOUNDED_BYTES);
        for (int i = 0; i < 1_000; i++) {
            cache.put(key("t" + i), "v", BYTES, NOW + 1_000, NOW);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(64);
    }

    @Test
    void putWhenDisabledOrAlreadyExpiredThenNothingStored() {
        VerifiedTokenCache<String> disabled = new VerifiedTokenCache<>(0, UNBOUNDED_BYTES);
        disabled.put(key("t"), "v", BYTES, NOW + 1_000, NOW);
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, UNBOUNDED_BYTES);
        cache.put(key("t"), "v", BYTES, NOW, NOW);

        assertThat(disabled.size()).isZero();
        assertThat(cache.size()).isZero();
    }

    @Test
    void clearWhenKeysChangedThenEverythingDropped() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, UNBOUNDED_BYTES);
        cache.put(key("t"), "v", BYTES, NOW + 1_000, NOW);

        cache.clear();

        assertThat(cache.get(key("t"), NOW)).isNull();
    }

    @Test
    void putWhenBytesWouldExceedMaxThenEvictedUntilTheEntryFits() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(100, 10 * BYTES);
        for (int i = 0; i < 50; i++) {
            cache.put(key("t" + i), "v", BYTES, NOW + 1_000, NOW);

            assertThat(cache.estimatedBytes()).isLessThanOrEqualTo(10 * BYTES);
        }
        cache.put(key("big"), "v", 5 * BYTES, NOW + 1_000, NOW);

        assertThat(cache.estimatedBytes()).isLessThanOrEqualTo(10 * BYTES);
        assertThat(cache.size()).isLessThanOrEqualTo(6);
        assertThat(cache.get(key("big"), NOW)).isEqualTo("v");
    }

    @Test
    void putWhenEntryLargerThanMaxBytesThenNotStored() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(100, 10 * BYTES);
        cache.put(key("small"), "v", BYTES, NOW + 1_000, NOW);

        cache.put(key("huge"), "v", 10 * BYTES + 1, NOW + 1_000, NOW);

        assertThat(cache.get(key("huge"), NOW)).isNull();
        assertThat(cache.get(key("small"), NOW)).isEqualTo("v");
    }

    @Test
    void putWhenSameKeyAgainThenReplacedAndCountedOnce() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, 10 * BYTES);
        cache.put(key("t"), "v1", BYTES, NOW + 1_000, NOW);

        cache.put(key("t"), "v2", 2 * BYTES, NOW + 1_000, NOW);

        assertThat(cache.get(key("t"), NOW)).isEqualTo("v2");
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.estimatedBytes()).isEqualTo(2 * BYTES);
    }

    @Test
    void putWhen32ThreadsInsertAtOnceThenBothBoundsHoldAtEveryInstant() throws Exception {
        int maxEntries = 1_000;
        long maxBytes = 800 * BYTES;
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(maxEntries, maxBytes);
        int threads = 32;
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger largestSize = new AtomicInteger();
        AtomicLong largestBytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        // half the entries weigh BYTES, half 2 * BYTES: both bounds are reached in turn
                        cache.put(key(thread + "/" + i), "v", (1 + i % 2) * BYTES, NOW + 1_000, NOW);
                        largestSize.accumulateAndGet(cache.size(), Math::max);
                        largestBytes.accumulateAndGet(cache.estimatedBytes(), Math::max);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(largestSize.get()).isLessThanOrEqualTo(maxEntries);
        assertThat(largestBytes.get()).isLessThanOrEqualTo(maxBytes);
        assertThat(cache.size()).isPositive();
    }

    @Test
    void estimatedBytesWhenLongerTokenThenLarger() {
        assertThat(VerifiedTokenCache.estimatedBytes(1_730)).isGreaterThan(VerifiedTokenCache.estimatedBytes(800))
                .isEqualTo(VerifiedTokenCache.ENTRY_OVERHEAD_BYTES + VerifiedTokenCache.BYTES_PER_TOKEN_CHARACTER * 1_730);
    }

    private static VerifiedTokenCache.Key key(String token) {
        return VerifiedTokenCache.Key.of(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
