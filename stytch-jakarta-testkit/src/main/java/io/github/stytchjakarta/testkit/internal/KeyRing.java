package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatorKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The emulator's keys: every key it knows (the API side verifies session JWTs against all of them, published or not),
 * the published ones (the JWKS, in publication order) and the one used for signing. Thread-safe (synchronized; the
 * state is tiny).
 */
public final class KeyRing {

    private final Ids ids;
    private final Map<String, EmulatorKey> known = new LinkedHashMap<>();
    private final List<EmulatorKey> published = new ArrayList<>();
    private EmulatorKey signing;

    /**
     * Generates, publishes and signs with a first key.
     *
     * @param ids the id source for key ids
     */
    public KeyRing(Ids ids) {
        this.ids = ids;
        EmulatorKey first = KeyGenerator.generate(ids.next("jwk"));
        known.put(first.kid(), first);
        published.add(first);
        signing = first;
    }

    public synchronized EmulatorKey signingKey() {
        return signing;
    }

    public synchronized List<EmulatorKey> published() {
        return List.copyOf(published);
    }

    /**
     * @return every known key
     */
    public synchronized List<EmulatorKey> known() {
        return List.copyOf(known.values());
    }

    /**
     * @return a new key, known but neither published nor used for signing
     */
    public EmulatorKey generate() {
        EmulatorKey key = KeyGenerator.generate(ids.next("jwk"));
        synchronized (this) {
            known.put(key.kid(), key);
        }
        return key;
    }

    /**
     * Publishes a key (at the end of the JWKS) unless it is published already.
     *
     * @param key the key
     */
    public synchronized void publish(EmulatorKey key) {
        Objects.requireNonNull(key, "key");
        known.putIfAbsent(key.kid(), key);
        if (published.stream().noneMatch(candidate -> candidate.kid().equals(key.kid()))) {
            published.add(key);
        }
    }

    /**
     * Removes a key from the JWKS; it stays known.
     *
     * @param kid the key id
     * @return whether it was published
     */
    public synchronized boolean unpublish(String kid) {
        return published.removeIf(candidate -> candidate.kid().equals(kid));
    }

    /**
     * Signs with a key from now on, without publishing it.
     *
     * @param key the key
     */
    public synchronized void useForSigning(EmulatorKey key) {
        Objects.requireNonNull(key, "key");
        known.putIfAbsent(key.kid(), key);
        signing = key;
    }
}
