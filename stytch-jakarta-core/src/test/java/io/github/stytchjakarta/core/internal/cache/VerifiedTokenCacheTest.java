package io.github.stytchjakarta.core.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final long NOW = 1_000_000L;

    @Test
    void getWhenEntryNotExpiredThenReturnedUntilItsExpiry() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10);
        cache.put(key("token"), "principal", NOW + 100, NOW);

        assertThat(cache.get(key("token"), NOW + 99)).isEqualTo("principal");
        assertThat(cache.get(key("token"), NOW + 100)).isNull();
        assertThat(cache.size()).isZero();
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
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(100);
        for (int i = 0; i < 100; i++) {
            cache.put(key("old" + i), "v", NOW + (i < 50 ? 1 : 1_000), NOW);
        }

        cache.put(key("new"), "v", NOW + 1_000, NOW + 10);

        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.get(key("new"), NOW + 10)).isEqualTo("v");
        assertThat(cache.get(key("old99"), NOW + 10)).isEqualTo("v");
    }

    @Test
    void putWhenManyMoreThanMaxThenNeverExceedsMax() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(64);
        for (int i = 0; i < 1_000; i++) {
            cache.put(key("t" + i), "v", NOW + 1_000, NOW);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(64);
    }

    @Test
    void putWhenDisabledOrAlreadyExpiredThenNothingStored() {
        VerifiedTokenCache<String> disabled = new VerifiedTokenCache<>(0);
        disabled.put(key("t"), "v", NOW + 1_000, NOW);
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10);
        cache.put(key("t"), "v", NOW, NOW);

        assertThat(disabled.size()).isZero();
        assertThat(cache.size()).isZero();
    }

    @Test
    void clearWhenKeysChangedThenEverythingDropped() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10);
        cache.put(key("t"), "v", NOW + 1_000, NOW);

        cache.clear();

        assertThat(cache.get(key("t"), NOW)).isNull();
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
