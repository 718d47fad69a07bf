package io.github.stytchjakarta.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code stytch.webhook.*} settings of a {@link StytchConfig}: the endpoint that receives Stytch's
 * Svix-signed webhooks ({@link StytchWebhooks}). Without a secret there is no endpoint. Validated by
 * {@link StytchConfigBuilder#build()}; {@link #toString()} masks the secret.
 *
 * <p>Immutable and thread-safe.
 *
 * @param secret       the endpoint's signing secret ({@code whsec_<base64 key>}), empty for no endpoint
 * @param path         the context-relative path of the endpoint
 * @param tolerance    how far {@code svix-timestamp} may lie from this node's clock, either way
 * @param maxBodyBytes the largest accepted body
 */
public record WebhookSettings(Optional<String> secret, String path, Duration tolerance, int maxBodyBytes) {

    /** Checks that every part is present. */
    public WebhookSettings {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tolerance, "tolerance");
    }

    /** @return whether an endpoint is configured (a secret is set) */
    public boolean enabled() {
        return secret.isPresent();
    }

    @Override
    public String toString() {
        return "WebhookSettings[secret=" + (secret.isPresent() ? "****" : "none") + ", path=" + path + ", tolerance="
                + tolerance + ", maxBodyBytes=" + maxBodyBytes + ']';
    }
}
