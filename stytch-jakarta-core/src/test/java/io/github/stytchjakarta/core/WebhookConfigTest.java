package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code stytch.webhook.*} keys: absent means no endpoint; bad values are reported by key, never echoed. */
class WebhookConfigTest {

    private static final Map<String, String> REQUIRED = Map.of("stytch.project-id", "project-test-1",
            "stytch.secret", "secret-1");

    @Test
    void loadWhenNoWebhookSecretThenNoReceiver() {
        StytchConfig config = StytchConfig.load(ConfigSource.of(REQUIRED));

        assertThat(config.webhook().enabled()).isFalse();
        try (Stytch stytch = Stytch.create(config)) {
            assertThat(stytch.webhooks()).isEmpty();
        }
    }

    @Test
    void loadWhenWebhookValuesInvalidThenEveryKeyReportedWithoutTheSecret() {
        Map<String, String> values = new HashMap<>(REQUIRED);
        values.put("stytch.webhook.secret", "whsec_c2hvcnQ=");
        values.put("stytch.webhook.path", "stytch/*");
        values.put("stytch.webhook.tolerance", "PT2H");
        values.put("stytch.webhook.max-body-bytes", "0");

        assertThatExceptionOfType(StytchConfigException.class).isThrownBy(() -> StytchConfig.load(ConfigSource.of(values)))
                .satisfies(e -> assertThat(e.getMessage()).contains("stytch.webhook.secret", "stytch.webhook.path",
                        "stytch.webhook.tolerance", "stytch.webhook.max-body-bytes").doesNotContain("c2hvcnQ"));
    }

    @Test
    void toStringWhenWebhookSecretSetThenMasked() {
        Map<String, String> values = new HashMap<>(REQUIRED);
        values.put("stytch.webhook.secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(StytchConfig.load(ConfigSource.of(values)).toString()).doesNotContain("MfKQ9r8G");
    }
}
