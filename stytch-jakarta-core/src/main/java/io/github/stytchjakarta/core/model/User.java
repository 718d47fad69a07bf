package io.github.stytchjakarta.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A consumer user ({@code api_user_v1_User}), with the fields an application commonly needs.
 *
 * @param userId            the user id
 * @param emails            the user's email addresses
 * @param status            e.g. {@code active}, {@code pending}
 * @param name              the user's name, {@code null} if none
 * @param roles             the roles assigned to the user
 * @param createdAt         when the user was created, {@code null} if not sent
 * @param externalId        the application's id for the user, {@code null} if none
 * @param trustedMetadata   metadata only the backend may write
 * @param untrustedMetadata metadata the frontend may write
 */
public record User(String userId, List<Email> emails, String status, Name name, List<String> roles,
                   Instant createdAt, String externalId, Map<String, Object> trustedMetadata,
                   Map<String, Object> untrustedMetadata) {

    /** Replaces absent collections with empty ones. */
    public User {
        emails = emails == null ? List.of() : List.copyOf(emails);
        roles = roles == null ? List.of() : List.copyOf(roles);
        trustedMetadata = trustedMetadata == null ? Map.of() : trustedMetadata;
        untrustedMetadata = untrustedMetadata == null ? Map.of() : untrustedMetadata;
    }

    /**
     * An email address of a user.
     *
     * @param emailId  the email id
     * @param email    the address
     * @param verified whether it was verified
     */
    public record Email(String emailId, String email, boolean verified) {
    }

    /**
     * A user's name.
     *
     * @param firstName  first name, {@code ""} if none
     * @param middleName middle name, {@code ""} if none
     * @param lastName   last name, {@code ""} if none
     */
    public record Name(String firstName, String middleName, String lastName) {

        /** Replaces {@code null} with {@code ""}. */
        public Name {
            firstName = firstName == null ? "" : firstName;
            middleName = middleName == null ? "" : middleName;
            lastName = lastName == null ? "" : lastName;
        }
    }
}
