package io.github.stytchjakarta.core;

import java.util.Objects;

/**
 * One configuration problem: the key at fault and what is wrong with it. The message never
 * repeats the configured value (it may be a secret).
 *
 * @param key     the configuration key, e.g. {@code stytch.project-id}
 * @param message what is wrong, e.g. {@code "is required"}
 */
public record ConfigProblem(String key, String message) {

    /** Checks that both parts are present. */
    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
