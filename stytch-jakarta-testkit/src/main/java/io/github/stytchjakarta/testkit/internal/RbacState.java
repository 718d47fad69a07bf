package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedPolicy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The project's consumer and B2B policies, each organization's custom roles, and the roles a session has.
 * Thread-safe: atomic references and a concurrent map; a change is seen by the next request.
 */
public final class RbacState {

    private final Directory directory;
    private final AtomicReference<EmulatedPolicy> consumerPolicy = new AtomicReference<>(EmulatedPolicy.defaultConsumerPolicy());
    private final AtomicReference<EmulatedPolicy> b2bPolicy = new AtomicReference<>(EmulatedPolicy.defaultB2bPolicy());
    private final Map<String, List<EmulatedPolicy.Role>> organizationRoles = new ConcurrentHashMap<>();

    /**
     * @param directory the users and members whose roles sessions carry
     */
    public RbacState(Directory directory) {
        this.directory = directory;
    }

    public EmulatedPolicy consumerPolicy() {
        return consumerPolicy.get();
    }

    public void setConsumerPolicy(EmulatedPolicy policy) {
        consumerPolicy.set(Objects.requireNonNull(policy, "policy"));
    }

    public EmulatedPolicy b2bPolicy() {
        return b2bPolicy.get();
    }

    public void setB2bPolicy(EmulatedPolicy policy) {
        b2bPolicy.set(Objects.requireNonNull(policy, "policy"));
    }

    public List<EmulatedPolicy.Role> organizationRoles(String organizationId) {
        return organizationRoles.getOrDefault(organizationId, List.of());
    }

    /**
     * @param organizationId an organization of the directory
     * @param roles          its custom roles, replacing any before
     * @throws IllegalArgumentException for an unknown organization
     */
    public void setOrganizationRoles(String organizationId, List<EmulatedPolicy.Role> roles) {
        directory.requireOrganization(organizationId);
        organizationRoles.put(organizationId, List.copyOf(roles));
    }

    /**
     * @param session a session
     * @return its roles: {@code stytch_user} and the user's roles, or {@code stytch_member} and the member's roles
     */
    public List<String> sessionRoles(SessionData session) {
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        if (session.vertical() == Vertical.CONSUMER) {
            roles.add(EmulatedPolicy.STYTCH_USER);
            directory.user(session.subjectId()).ifPresent(user -> roles.addAll(user.roles()));
        } else {
            roles.add(EmulatedPolicy.STYTCH_MEMBER);
            directory.member(session.subjectId()).ifPresent(member -> roles.addAll(member.roles()));
        }
        return List.copyOf(roles);
    }
}
