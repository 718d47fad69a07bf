package io.github.stytchjakarta.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One way the session's user or member authenticated (an email magic link, an SSO login, ...).
 *
 * <p>{@code type} and {@code deliveryMethod} are plain strings, not enumerations, so a factor type
 * Stytch adds tomorrow does not break parsing. The kind-specific object Stytch attaches (such as
 * {@code email_factor: {email_id, email_address}}) is kept in {@link #details()} under its JSON name.
 *
 * @param type                e.g. {@code magic_link}, {@code oauth}, {@code sso}; {@code ""} if not sent
 * @param deliveryMethod      e.g. {@code email}, {@code oauth_google}, {@code sso_saml}; {@code ""} if not sent
 * @param lastAuthenticatedAt when the factor was last used, {@code null} if not sent
 * @param createdAt           when the factor was created, {@code null} if not sent
 * @param updatedAt           when the factor was updated, {@code null} if not sent
 * @param details             every other field of the factor object, by JSON name (unmodifiable)
 */
public record AuthenticationFactor(String type, String deliveryMethod, Instant lastAuthenticatedAt,
                                   Instant createdAt, Instant updatedAt, Map<String, Object> details) {

    /** Replaces absent values with empty ones; copies the details. */
    public AuthenticationFactor {
        type = type == null ? "" : type;
        deliveryMethod = deliveryMethod == null ? "" : deliveryMethod;
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** @return the type and delivery method only: the details hold e-mail addresses, phone numbers and subjects */
    @Override
    public String toString() {
        return "AuthenticationFactor[type=" + type + ", deliveryMethod=" + deliveryMethod + ']';
    }
}
