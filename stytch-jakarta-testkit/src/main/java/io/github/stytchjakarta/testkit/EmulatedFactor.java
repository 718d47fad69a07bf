package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.JsonValues;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One authentication factor of an emulated session, rendered as a Stytch {@code EmulatedFactor}:
 * {@code {type, delivery_method, last_authenticated_at, created_at, updated_at, <detailsField>: {details}}}.
 *
 * <p>Use the factories in {@link EmulatedFactors}. {@code type} and {@code deliveryMethod} must be values of the
 * spec's enums ({@code magic_link}, {@code email}, ...): the official Java SDK parses them into closed enums.
 * Immutable and thread-safe.
 *
 * @param type                the factor type, e.g. {@code magic_link}
 * @param deliveryMethod      the delivery method, e.g. {@code email}
 * @param lastAuthenticatedAt when the factor was last used; {@code null} means "when the session started"
 * @param detailsField        the name of the details object, e.g. {@code email_factor}; {@code null} for none
 * @param details             the details object (JSON-like values); empty when {@code detailsField} is {@code null}
 */
public record EmulatedFactor(String type, String deliveryMethod, Instant lastAuthenticatedAt, String detailsField,
        Map<String, Object> details) {

    public EmulatedFactor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(deliveryMethod, "deliveryMethod");
        details = JsonValues.immutableObject(details == null ? Map.of() : details);
        if (detailsField == null && !details.isEmpty()) {
            throw new IllegalArgumentException("details need a detailsField");
        }
    }

    /**
     * Returns this factor with another last-authentication time.
     *
     * @param instant the new time; {@code null} means "when the session started"
     * @return a copy
     */
    public EmulatedFactor withLastAuthenticatedAt(Instant instant) {
        return new EmulatedFactor(type, deliveryMethod, instant, detailsField, details);
    }
}
