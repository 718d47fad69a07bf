package io.github.stytchjakarta.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A B2B organization member ({@code api_organization_v1_Member}), with the fields an application
 * commonly needs.
 *
 * @param memberId          the member id
 * @param organizationId    the organization id
 * @param emailAddress      the member's email address
 * @param status            e.g. {@code active}, {@code invited}
 * @param name              the member's name, {@code ""} if none
 * @param roles             the roles assigned to the member, with where each comes from
 * @param isAdmin           whether the member is an organization admin
 * @param externalId        the application's id for the member, {@code null} if none
 * @param createdAt         when the member was created, {@code null} if not sent
 * @param updatedAt         when the member was last updated, {@code null} if not sent
 * @param trustedMetadata   metadata only the backend may write
 * @param untrustedMetadata metadata the frontend may write
 */
public record Member(String memberId, String organizationId, String emailAddress, String status, String name,
                     List<Role> roles, boolean isAdmin, String externalId, Instant createdAt, Instant updatedAt,
                     Map<String, Object> trustedMetadata, Map<String, Object> untrustedMetadata) {

    /** Replaces absent values with empty ones. */
    public Member {
        name = name == null ? "" : name;
        roles = roles == null ? List.of() : List.copyOf(roles);
        trustedMetadata = trustedMetadata == null ? Map.of() : trustedMetadata;
        untrustedMetadata = untrustedMetadata == null ? Map.of() : untrustedMetadata;
    }

    /**
     * A role assigned to a member.
     *
     * @param roleId  the role id
     * @param sources why the member has it
     */
    public record Role(String roleId, List<RoleSource> sources) {

        /** Replaces an absent list with an empty one. */
        public Role {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /**
     * Why a member has a role.
     *
     * @param type    e.g. {@code direct_assignment}, {@code email_assignment}, {@code sso_connection}
     * @param details source-specific details
     */
    public record RoleSource(String type, Map<String, Object> details) {

        /** Replaces absent details with an empty map. */
        public RoleSource {
            details = details == null ? Map.of() : details;
        }
    }
}
