package io.github.stytchjakarta.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A consumer user seeded into a {@link StytchEmulator} with {@link StytchEmulator#createUser}.
 *
 * <p>Rendered as a Stytch {@code User}: one verified email (when {@code email} is set), {@code status "active"},
 * {@code roles} = {@code stytch_user} plus {@code roles}. Immutable and thread-safe.
 *
 * @param userId     {@code user-test-<uuid>}
 * @param email      the email address, or {@code null} for a user without email
 * @param emailId    {@code email-test-<uuid>}, or {@code null} without email
 * @param name       the full name, split at the first space into first and last name; {@code ""} if unset
 * @param roles      the roles explicitly assigned (without the implicit {@code stytch_user})
 * @param externalId the application's id for the user, or {@code null}
 * @param createdAt  when the user was created
 */
public record EmulatedUser(String userId, String email, String emailId, String name, List<String> roles, String externalId,
        Instant createdAt) {

    public EmulatedUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        roles = List.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * What to seed: passed to {@link StytchEmulator#createUser}. Not thread-safe; use it in one thread.
     */
    public static final class Builder {

        private String email;
        private String name = "";
        private List<String> roles = List.of();
        private String externalId;

        Builder() {
        }

        /**
         * @param email the user's (verified) email address; {@code null} for none (the default)
         * @return this builder
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * @param name the full name, e.g. {@code "Ada Lovelace"}; default {@code ""}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param roles role ids assigned to the user, in addition to the implicit {@code stytch_user}; default none
         * @return this builder
         */
        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        /**
         * @param externalId the application's id for the user; must be unique in the emulator; default none
         * @return this builder
         */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        EmulatedUser build(String userId, String emailId, Instant createdAt) {
            return new EmulatedUser(userId, email, email == null ? null : emailId, name, roles, externalId, createdAt);
        }
    }
}
