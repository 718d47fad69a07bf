package io.github.stytchjakarta.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A B2B member seeded into a {@link StytchEmulator} with {@link StytchEmulator#createMember}.
 *
 * <p>Rendered as a Stytch {@code Member} with {@code status "active"}, a verified email and {@code roles}
 * {@code stytch_member} plus {@code roles}, each with source {@code direct_assignment}; {@code is_admin} is true when
 * {@code roles} contains {@code stytch_admin}. Immutable and thread-safe.
 *
 * @param memberId       {@code member-test-<uuid>}
 * @param organizationId the member's organization
 * @param email          the email address
 * @param emailId        {@code email-test-<uuid>}, used by the default email factor of the member's sessions
 * @param name           the name; {@code ""} if unset
 * @param roles          the roles explicitly assigned (without the implicit {@code stytch_member})
 * @param externalId     the application's id for the member (unique within the organization), or {@code null}
 * @param createdAt      when the member was created
 */
public record EmulatedMember(String memberId, String organizationId, String email, String emailId, String name,
        List<String> roles, String externalId, Instant createdAt) {

    public EmulatedMember {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailId, "emailId");
        Objects.requireNonNull(name, "name");
        roles = List.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * What to seed: passed to {@link StytchEmulator#createMember}. Not thread-safe; use it in one thread.
     */
    public static final class Builder {

        private String email;
        private String name = "";
        private List<String> roles = List.of();
        private String externalId;

        Builder() {
        }

        /**
         * @param email the member's email address; default {@code member-<8 hex digits>@example.test}
         * @return this builder
         */
        public Builder email(String email) {
            this.email = Objects.requireNonNull(email, "email");
            return this;
        }

        /**
         * @param name the member's name; default {@code ""}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param roles role ids assigned to the member, in addition to the implicit {@code stytch_member}; default none
         * @return this builder
         */
        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        /**
         * @param externalId the application's id for the member, unique within its organization; default none
         * @return this builder
         */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        EmulatedMember build(String memberId, String organizationId, String generatedEmail, String emailId, Instant createdAt) {
            return new EmulatedMember(memberId, organizationId, email == null ? generatedEmail : email, emailId, name, roles,
                    externalId, createdAt);
        }
    }
}
