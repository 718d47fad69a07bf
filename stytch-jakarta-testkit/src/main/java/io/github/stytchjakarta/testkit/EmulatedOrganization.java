package io.github.stytchjakarta.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A B2B organization seeded into a {@link StytchEmulator} with {@link StytchEmulator#createOrganization}.
 *
 * <p>Rendered as a Stytch {@code Organization} with the settings of a fresh organization (empty lists,
 * {@code ALL_ALLOWED}/{@code NOT_ALLOWED}/{@code OPTIONAL} policies) and its custom roles as {@code custom_roles}.
 * Immutable and thread-safe.
 *
 * @param organizationId {@code organization-test-<uuid>}
 * @param name           the organization name
 * @param slug           the unique slug
 * @param externalId     the application's id for the organization, or {@code null}
 * @param createdAt      when the organization was created
 */
public record EmulatedOrganization(String organizationId, String name, String slug, String externalId, Instant createdAt) {

    /** The slug of an organization created without {@link Builder#slug}: {@code org-} and 8 hex digits. */
    public static final String GENERATED_SLUG_PREFIX = "org-";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9._~-]{2,128}");

    public EmulatedOrganization {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * What to seed: passed to {@link StytchEmulator#createOrganization}. Not thread-safe; use it in one thread.
     */
    public static final class Builder {

        private String name = "Organization";
        private String slug;
        private String externalId;

        Builder() {
        }

        /**
         * @param name the organization name; default {@code "Organization"}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param slug the slug, unique in the emulator: 2-128 of {@code a-z 0-9 . _ ~ -}; default
         *             {@value EmulatedOrganization#GENERATED_SLUG_PREFIX} and 8 random hex digits
         * @return this builder
         */
        public Builder slug(String slug) {
            if (!SLUG.matcher(Objects.requireNonNull(slug, "slug")).matches()) {
                throw new IllegalArgumentException("A slug has 2-128 of a-z 0-9 . _ ~ -");
            }
            this.slug = slug;
            return this;
        }

        /**
         * @param externalId the application's id for the organization, unique in the emulator; default none
         * @return this builder
         */
        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        EmulatedOrganization build(String organizationId, String generatedSlug, Instant createdAt) {
            return new EmulatedOrganization(organizationId, name, slug == null ? generatedSlug : slug, externalId, createdAt);
        }
    }
}
