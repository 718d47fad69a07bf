package io.github.stytchjakarta.core.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final long NOW = 1_000_000L;

    @Test
    void getWhenEntryNotExpiredThenReturnedUntilItsExpiry() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10);
        cache.put(VerifiedTokenCache.key(utf8("token")), "principal", NOW + 100, NOW);

        assertThat(cache.get(VerifiedTokenCache.key(utf8("token")), NOW + 99)).isEqualTo("principal");
        assertThat(cache.get(VerifiedTokenCache.key(utf8("token")), NOW + 100)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void keyWhenTokensDifferInOneCharacterThenKeysDiffer() {
        assertThat(VerifiedTokenCache.key(utf8("a.b.c"))).isEqualTo(VerifiedTokenCache.key(utf8("a.b.c")))
                .isNotEqualTo(VerifiedTokenCache.key(utf8("a.b.d")));
    }

    @Test
    void putWhenFullThenExpiredEntriesDroppedFirstAndSizeBounded() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(100);
        for (int i = 0; i < 100; i++) {
            cache.put(VerifiedTokenCache.key(utf8("old" + i)), "v", NOW + (i < 50 ? 1 : 1_000), NOW);
        }

        cache.put(VerifiedTokenCache.key(utf8("new")), "v", NOW + 1_000, NOW + 10);

        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.get(VerifiedTokenCache.key(utf8("new")), NOW + 10)).isEqualTo("v");
        assertThat(cache.get(VerifiedTokenCache.key(utf8("old99")), NOW + 10)).isEqualTo("v");
    }

    @Test
    void putWhenManyMoreThanMaxThenNeverExceedsMax() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(64);
        for (int i = 0; i < 1_000; i++) {
            cache.put(VerifiedTokenCache.key(utf8("t" + i)), "v", NOW + 1_000, NOW);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(64);
    }

    @Test
    void putWhenDisabledOrAlreadyExpiredThenNothingStored() {
        VerifiedTokenCache<String> disabled = new VerifiedTokenCache<>(0);
        disabled.put(VerifiedTokenCache.key(utf8("t")), "v", NOW + 1_000, NOW);
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10);
        cache.put(VerifiedTokenCache.key(utf8("t")), "v", NOW, NOW);

        assertThat(disabled.size()).isZero();
        assertThat(cache.size()).isZero();
    }

    @Test
    void clearWhenKeysChangedThenEverythingDropped() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10);
        cache.put(VerifiedTokenCache.key(utf8("t")), "v", NOW + 1_000, NOW);

        cache.clear();

        assertThat(cache.get(VerifiedTokenCache.key(utf8("t")), NOW)).isNull();
    }

    private static byte[] utf8(String token) {
        return token.getBytes(StandardCharsets.UTF_8);
    }
}
