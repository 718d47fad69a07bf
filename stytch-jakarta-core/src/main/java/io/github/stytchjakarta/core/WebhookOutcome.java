package io.github.stytchjakarta.core;

/**
 * What {@link StytchWebhooks#handle} did with a delivery, with the HTTP status the endpoint answers and a stable
 * code for problem bodies. Only {@link #PROCESSED} and {@link #IGNORED} changed (or could have changed) anything.
 */
public enum WebhookOutcome {
    /** Verified and acted upon: caches flushed, revocations recorded or policies refreshed. */
    PROCESSED(204, "stytch.webhook.processed", "the event was processed"),
    /** Verified, but nothing here depends on it (another object type, a creation, another project). */
    IGNORED(204, "stytch.webhook.ignored", "the event was ignored"),
    /** A Svix header is missing or of impossible shape, or the body is not a Stytch event. */
    MALFORMED(400, "stytch.webhook.malformed", "the webhook request is malformed"),
    /** The body is larger than {@code stytch.webhook.max-body-bytes}. */
    TOO_LARGE(413, "stytch.webhook.too_large", "the webhook body is too large"),
    /** No signature matches the endpoint's secret. */
    BAD_SIGNATURE(401, "stytch.webhook.bad_signature", "the webhook signature is invalid"),
    /** Signed, but {@code svix-timestamp} is outside {@code stytch.webhook.tolerance}. */
    STALE_TIMESTAMP(401, "stytch.webhook.stale_timestamp", "the webhook timestamp is outside the tolerance"),
    /** Signed, but this {@code svix-id} was processed already. */
    REPLAYED(401, "stytch.webhook.replayed", "the webhook message was received before");

    private final int status;
    private final String code;
    private final String detail;

    WebhookOutcome(int status, String code, String detail) {
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    /** @return the HTTP status of the endpoint's answer */
    public int status() {
        return status;
    }

    /** @return the stable code of the problem body */
    public String code() {
        return code;
    }

    /** @return the fixed description of the problem body */
    public String detail() {
        return detail;
    }
}
