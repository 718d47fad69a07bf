package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.Ids;
import io.github.stytchjakarta.testkit.internal.WebhookSender;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The webhooks the emulator sends ({@link StytchEmulator#webhooks()}), signed as Stytch's (Svix) are, to the endpoints
 * registered here, when its state changes: {@code session} / {@code member_session} {@code DELETE} when a session is
 * revoked (Java API or the revoke endpoints), {@code member} {@code DELETE} from {@link StytchEmulator#deleteMember},
 * {@code rbac_policy} {@code UPDATE} when a policy or an organization's custom roles are set. Deliveries are
 * asynchronous; {@link #awaitDeliveries} waits for them. Thread-safe.
 *
 * <pre>
 * String secret = EmulatorWebhooks.newSecret();
 * emulator.webhooks().addEndpoint(URI.create("http://127.0.0.1:8080/app/stytch/webhooks"), secret);
 * emulator.revokeSession(session.sessionId());
 * emulator.webhooks().awaitDeliveries(1, Duration.ofSeconds(10));
 * </pre>
 */
public final class EmulatorWebhooks {

    /** Bytes of the key of {@link #newSecret()}: 24, as Svix's. */
    public static final int SECRET_KEY_BYTES = 24;

    private final WebhookSender sender;

    EmulatorWebhooks(WebhookSender sender) {
        this.sender = sender;
    }

    /** @return a new random endpoint secret, {@code whsec_<base64 key>} */
    public static String newSecret() {
        return "whsec_" + Base64.getEncoder().encodeToString(Ids.randomBytes(SECRET_KEY_BYTES));
    }

    /**
     * The {@code svix-signature} value Svix would send, for tests that build deliveries themselves.
     *
     * @param secret    the endpoint's {@code whsec_...} secret
     * @param messageId the {@code svix-id}
     * @param timestamp the {@code svix-timestamp}, Unix seconds
     * @param body      the raw body
     * @return {@code v1,<base64 HMAC-SHA256>}
     */
    public static String signature(String secret, String messageId, long timestamp, byte[] body) {
        return WebhookSender.signature(secret, messageId, timestamp, body);
    }

    /**
     * Registers an endpoint: every later event is sent to it.
     *
     * @param url    where to POST events
     * @param secret the endpoint's secret, e.g. {@link #newSecret()}
     */
    public void addEndpoint(URI url, String secret) {
        sender.addEndpoint(Objects.requireNonNull(url, "url"), secret);
    }

    /**
     * Sends an event of any kind now.
     *
     * @param objectType {@code object_type}, e.g. {@code member}
     * @param action     {@code CREATE}, {@code UPDATE} or {@code DELETE}
     * @param objectId   {@code id}
     * @param fields     more top-level fields, e.g. the object under its type's name
     * @return completes when every endpoint answered or failed
     */
    public CompletableFuture<Void> send(String objectType, String action, String objectId, Map<String, Object> fields) {
        return sender.send(objectType, action, objectId, Map.copyOf(fields));
    }

    /** @return the completed deliveries, oldest first */
    public List<WebhookDelivery> deliveries() {
        return sender.deliveries();
    }

    /**
     * @param count   how many deliveries, in all, to wait for
     * @param timeout how long at most
     * @return the completed deliveries, oldest first
     * @throws IllegalStateException when fewer completed within the timeout
     * @throws InterruptedException  when interrupted
     */
    public List<WebhookDelivery> awaitDeliveries(int count, Duration timeout) throws InterruptedException {
        return sender.await(count, timeout);
    }
}
