package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedUser;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's seeded subjects: users, organizations, members and M2M clients, with the uniqueness rules Stytch
 * applies (external ids, slugs, member emails per organization). Thread-safe: concurrent maps; adding is synchronized
 * so that a uniqueness check and its insert are one step.
 */
public final class Directory {

    private final Map<String, EmulatedUser> users = new ConcurrentHashMap<>();
    private final Map<String, EmulatedOrganization> organizations = new ConcurrentHashMap<>();
    private final Map<String, EmulatedMember> members = new ConcurrentHashMap<>();
    private final Map<String, EmulatedM2mClient> m2mClients = new ConcurrentHashMap<>();

    public synchronized void addUser(EmulatedUser user) {
        if (user.externalId() != null && users.values().stream().anyMatch(u -> user.externalId().equals(u.externalId()))) {
            throw new IllegalArgumentException("A user with this external id exists");
        }
        users.put(user.userId(), user);
    }

    public synchronized void addOrganization(EmulatedOrganization organization) {
        for (EmulatedOrganization existing : organizations.values()) {
            if (existing.slug().equals(organization.slug())) {
                throw new IllegalArgumentException("An organization with the slug " + organization.slug() + " exists");
            }
            if (organization.externalId() != null && organization.externalId().equals(existing.externalId())) {
                throw new IllegalArgumentException("An organization with this external id exists");
            }
        }
        organizations.put(organization.organizationId(), organization);
    }

    public synchronized void addMember(EmulatedMember member) {
        requireOrganization(member.organizationId());
        for (EmulatedMember existing : members.values()) {
            if (existing.organizationId().equals(member.organizationId())) {
                if (existing.email().equalsIgnoreCase(member.email())) {
                    throw new IllegalArgumentException("The organization has a member with this email");
                }
                if (member.externalId() != null && member.externalId().equals(existing.externalId())) {
                    throw new IllegalArgumentException("The organization has a member with this external id");
                }
            }
        }
        members.put(member.memberId(), member);
    }

    /**
     * @param memberId a member id
     * @return whether the member existed
     */
    public boolean removeMember(String memberId) {
        return members.remove(memberId) != null;
    }

    public void addM2mClient(EmulatedM2mClient client) {
        m2mClients.put(client.clientId(), client);
    }

    public Optional<EmulatedUser> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    /**
     * @param userId a user id
     * @return the user, as the emulator holds it
     * @throws IllegalArgumentException for a user of another emulator
     */
    public EmulatedUser requireUser(String userId) {
        return user(userId).orElseThrow(() -> new IllegalArgumentException("Unknown user " + userId));
    }

    /**
     * @param idOrExternalId a user id or a user's external id
     * @return the user
     */
    public Optional<EmulatedUser> findUser(String idOrExternalId) {
        return user(idOrExternalId).or(() -> users.values().stream()
                .filter(user -> idOrExternalId.equals(user.externalId())).findFirst());
    }

    public Optional<EmulatedOrganization> organization(String organizationId) {
        return Optional.ofNullable(organizations.get(organizationId));
    }

    /**
     * @param organizationId an organization id
     * @throws IllegalArgumentException for an unknown organization
     */
    public void requireOrganization(String organizationId) {
        if (!organizations.containsKey(organizationId)) {
            throw new IllegalArgumentException("Unknown organization " + organizationId);
        }
    }

    /**
     * @param idSlugOrExternalId an organization id, slug or external id (the documented convenience of
     *                           {@code GET /v1/b2b/sessions})
     * @return the organization
     */
    public Optional<EmulatedOrganization> findOrganization(String idSlugOrExternalId) {
        return organization(idSlugOrExternalId).or(() -> organizations.values().stream()
                .filter(org -> idSlugOrExternalId.equals(org.slug()) || idSlugOrExternalId.equals(org.externalId()))
                .findFirst());
    }

    public Optional<EmulatedMember> member(String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    /**
     * @param memberId a member id
     * @return the member, as the emulator holds it
     * @throws IllegalArgumentException for a member of another emulator
     */
    public EmulatedMember requireMember(String memberId) {
        return member(memberId).orElseThrow(() -> new IllegalArgumentException("Unknown member " + memberId));
    }

    /**
     * @param organizationId the organization
     * @param idOrExternalId a member id or a member's external id
     * @return the member of that organization
     */
    public Optional<EmulatedMember> findMember(String organizationId, String idOrExternalId) {
        return members.values().stream()
                .filter(member -> member.organizationId().equals(organizationId))
                .filter(member -> member.memberId().equals(idOrExternalId) || idOrExternalId.equals(member.externalId()))
                .findFirst();
    }

    public Optional<EmulatedM2mClient> m2mClient(String clientId) {
        return Optional.ofNullable(m2mClients.get(clientId));
    }
}
