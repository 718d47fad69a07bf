package io.github.stytchjakarta.core.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ExpiringIds}: each id until its expiry, at most the bound, the oldest dropped first. */
class ExpiringIdsTest {

    @Test
    void addWhenIdRememberedThenFalseUntilItExpires() {
        ExpiringIds ids = new ExpiringIds("ids", 10);

        assertThat(ids.add("a", 100, 0)).isTrue();
        assertThat(ids.add("a", 200, 99)).isFalse();
        assertThat(ids.contains("a", 99)).isTrue();
        assertThat(ids.contains("a", 100)).isFalse();
        assertThat(ids.add("a", 200, 100)).isTrue();
    }

    @Test
    void addWhenFullThenExpiredThenOldestDropped() {
        ExpiringIds ids = new ExpiringIds("ids", 2);
        ids.add("expired", 10, 0);
        ids.add("old", 1_000, 0);

        ids.add("new", 1_000, 20);
        ids.add("newest", 1_000, 30);

        assertThat(ids.contains("expired", 5)).isFalse();
        assertThat(ids.contains("old", 30)).isFalse();
        assertThat(ids.contains("new", 30)).isTrue();
        assertThat(ids.contains("newest", 30)).isTrue();
    }
}
