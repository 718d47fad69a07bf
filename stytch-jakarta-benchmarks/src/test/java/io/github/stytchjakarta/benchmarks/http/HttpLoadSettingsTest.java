package io.github.stytchjakarta.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line of {@link HttpLoadReport}. */
class HttpLoadSettingsTest {

    @Test
    void parseWhenNoArgumentsThenDefaults() {
        assertThat(HttpLoadSettings.parse()).isEqualTo(new HttpLoadSettings(HttpLoadSettings.DEFAULT_DURATION,
                HttpLoadSettings.DEFAULT_WARMUP, HttpLoadSettings.DEFAULT_CONNECTIONS, HttpLoadSettings.DEFAULT_ROUNDS))
                .isEqualTo(HttpLoadSettings.defaults());
    }

    @Test
    void parseWhenEveryOptionGivenThenEachOverridesItsDefault() {
        HttpLoadSettings settings = HttpLoadSettings.parse("--rounds", "5", "--duration", "PT10S", "--connections", "8",
                "--warmup", "3");

        assertThat(settings).isEqualTo(new HttpLoadSettings(Duration.ofSeconds(10), Duration.ofSeconds(3), 8, 5));
    }

    @Test
    void parseWhenOneOptionGivenThenOthersKeepDefaults() {
        HttpLoadSettings settings = HttpLoadSettings.parse("--warmup", "PT0S");

        assertThat(settings.warmup()).isZero();
        assertThat(settings.duration()).isEqualTo(HttpLoadSettings.DEFAULT_DURATION);
        assertThat(settings.connections()).isEqualTo(HttpLoadSettings.DEFAULT_CONNECTIONS);
        assertThat(settings.rounds()).isEqualTo(HttpLoadSettings.DEFAULT_ROUNDS);
    }

    @Test
    void parseWhenOptionUnknownThenRejectedWithUsage() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpLoadSettings.parse("--threads", "4"))
                .withMessageContaining("--threads").withMessageContaining(HttpLoadSettings.USAGE);
    }

    @Test
    void parseWhenValueMissingThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpLoadSettings.parse("--duration"))
                .withMessageContaining("--duration needs a value");
    }

    @Test
    void parseWhenValuesMalformedThenRejectedNamingTheOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpLoadSettings.parse("--duration", "5s"))
                .withMessageContaining("--duration");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpLoadSettings.parse("--rounds", "three"))
                .withMessageContaining("--rounds");
    }

    @Test
    void parseWhenValuesOutOfRangeThenRejectedNamingTheOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpLoadSettings.parse("--duration", "PT0S"))
                .withMessageContaining("--duration");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpLoadSettings.parse("--warmup", "PT-1S"))
                .withMessageContaining("--warmup");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpLoadSettings.parse("--connections", "0"))
                .withMessageContaining("--connections");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpLoadSettings.parse("--connections",
                String.valueOf(HttpLoadSettings.MAX_CONNECTIONS + 1))).withMessageContaining("--connections");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpLoadSettings.parse("--rounds", "0"))
                .withMessageContaining("--rounds");
    }
}
