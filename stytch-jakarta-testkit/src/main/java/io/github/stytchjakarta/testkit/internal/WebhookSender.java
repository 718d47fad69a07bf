package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.WebhookDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends Stytch-shaped webhook events, signed as Svix signs them ({@code svix-id}, {@code svix-timestamp},
 * {@code svix-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}, keyed with the base64 key after
 * {@code whsec_}), to every registered endpoint, asynchronously with the JDK client and {@link #TIMEOUT}, and keeps
 * a log of what the endpoints answered that tests can wait on. Thread-safe.
 */
public final class WebhookSender {

    /** Connect and request timeout of a delivery. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final String SECRET_PREFIX = "whsec_";

    private final String projectId;
    private final Clock clock;
    private final Ids ids;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
    private final List<WebhookDelivery> deliveries = new ArrayList<>(); // guarded by itself
    private volatile HttpClient client;

    /**
     * @param projectId the project of the events
     * @param clock     the clock of timestamps
     * @param ids       the id generator
     */
    public WebhookSender(String projectId, Clock clock, Ids ids) {
        this.projectId = projectId;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @param url    where to POST events
     * @param secret the endpoint's {@code whsec_...} secret
     * @throws IllegalArgumentException if the secret is not {@code whsec_} and base64
     */
    public void addEndpoint(URI url, String secret) {
        endpoints.add(new Endpoint(url, key(secret)));
    }

    /**
     * Sends an event to every endpoint.
     *
     * @param objectType {@code object_type}
     * @param action     {@code action}
     * @param objectId   {@code id}
     * @param extra      more top-level fields (e.g. the object under its type's name)
     * @return completes when every endpoint answered or failed
     */
    public CompletableFuture<Void> send(String objectType, String action, String objectId, Map<String, Object> extra) {
        if (endpoints.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("project_id", projectId);
        event.put("event_id", ids.next("webhook-event"));
        event.put("action", action);
        event.put("object_type", objectType);
        event.put("source", "DIRECT");
        event.put("id", objectId);
        event.put("timestamp", Rfc3339.format(clock.instant()));
        event.putAll(extra);
        byte[] body = Json.write(event);
        String messageId = "msg_" + Ids.randomHex(12);
        long timestamp = clock.instant().getEpochSecond();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            HttpRequest request = HttpRequest.newBuilder(endpoint.url()).timeout(TIMEOUT)
                    .header("content-type", "application/json")
                    .header("svix-id", messageId)
                    .header("svix-timestamp", Long.toString(timestamp))
                    .header("svix-signature", signature(endpoint.key(), messageId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            sent.add(client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        record(new WebhookDelivery(messageId, objectType, action, objectId, endpoint.url(),
                                response == null ? WebhookDelivery.NO_ANSWER : response.statusCode()));
                        return null;
                    }));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    /**
     * @param secret    a {@code whsec_...} secret
     * @param messageId the {@code svix-id}
     * @param timestamp the {@code svix-timestamp}, Unix seconds
     * @param body      the raw body
     * @return the {@code svix-signature} value, {@code v1,<base64>}
     */
    public static String signature(String secret, String messageId, long timestamp, byte[] body) {
        return signature(key(secret), messageId, timestamp, body);
    }

    /** @return the deliveries so far, oldest first */
    public List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /**
     * Waits until at least a number of deliveries completed.
     *
     * @param count   how many
     * @param timeout how long at most
     * @return the deliveries, oldest first
     * @throws IllegalStateException when fewer completed within the timeout
     * @throws InterruptedException  when interrupted
     */
    public List<WebhookDelivery> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (deliveries) {
            while (deliveries.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(deliveries.size() + " of " + count + " webhook deliveries completed within "
                            + timeout + ": " + deliveries);
                }
                deliveries.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(deliveries);
        }
    }

    private void record(WebhookDelivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
            deliveries.notifyAll();
        }
    }

    // created on the first delivery: an emulator without endpoints starts no client threads
    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
                }
                current = client;
            }
        }
        return current;
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("A webhook secret is whsec_ followed by a base64 key");
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    private static String signature(byte[] key, String messageId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + '.' + timestamp + '.').getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private record Endpoint(URI url, byte[] key) {
    }
}
