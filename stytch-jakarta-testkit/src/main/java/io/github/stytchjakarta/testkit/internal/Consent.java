package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedPolicy;
import java.util.Objects;

/**
 * Who is signed in on the emulator's authorization page and approves every request: a member (with the organization)
 * or a user. Immutable.
 *
 * @param subjectId      the member or user id
 * @param organizationId the member's organization, {@code null} for a user
 */
public record Consent(String subjectId, String organizationId) {

    public Consent {
        Objects.requireNonNull(subjectId, "subjectId");
    }

    /**
     * @param directory the emulator's subjects
     * @return whether the subject still exists (a deleted one grants nothing)
     */
    public boolean subjectExists(Directory directory) {
        return organizationId == null ? directory.user(subjectId).isPresent() : directory.member(subjectId).isPresent();
    }

    /**
     * @param rbac the emulator's policies
     * @return the policy whose scopes the subject may grant: the B2B one for a member, the consumer one for a user
     */
    public EmulatedPolicy policy(RbacState rbac) {
        return organizationId == null ? rbac.consumerPolicy() : rbac.b2bPolicy();
    }
}
