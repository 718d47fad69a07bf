package io.github.stytchjakarta.testkit;

import java.net.URI;

/**
 * One webhook the emulator sent ({@link EmulatorWebhooks#deliveries()}), after the endpoint answered or failed.
 *
 * @param messageId  the {@code svix-id}
 * @param objectType the event's {@code object_type}
 * @param action     the event's {@code action}
 * @param objectId   the event's {@code id}
 * @param url        the endpoint
 * @param status     the endpoint's HTTP status, or {@value #NO_ANSWER} when it did not answer
 */
public record WebhookDelivery(String messageId, String objectType, String action, String objectId, URI url, int status) {

    /** {@link #status()} of a delivery the endpoint did not answer (refused, timed out). */
    public static final int NO_ANSWER = -1;
}
