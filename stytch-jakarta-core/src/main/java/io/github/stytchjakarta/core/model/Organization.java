package io.github.stytchjakarta.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * A B2B organization ({@code api_organization_v1_Organization}), with the fields an application
 * commonly needs.
 *
 * @param organizationId         the organization id
 * @param organizationName       the display name
 * @param organizationSlug       the slug
 * @param organizationLogoUrl    the logo URL, {@code ""} if none
 * @param organizationExternalId the application's id for the organization, {@code null} if none
 * @param createdAt              when it was created, {@code null} if not sent
 * @param updatedAt              when it was last updated, {@code null} if not sent
 * @param trustedMetadata        metadata only the backend may write
 */
public record Organization(String organizationId, String organizationName, String organizationSlug,
                           String organizationLogoUrl, String organizationExternalId, Instant createdAt,
                           Instant updatedAt, Map<String, Object> trustedMetadata) {

    /** Replaces absent values with empty ones. */
    public Organization {
        organizationLogoUrl = organizationLogoUrl == null ? "" : organizationLogoUrl;
        trustedMetadata = trustedMetadata == null ? Map.of() : trustedMetadata;
    }
}
