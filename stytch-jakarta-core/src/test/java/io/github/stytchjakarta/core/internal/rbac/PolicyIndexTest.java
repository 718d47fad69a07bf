package io.github.stytchjakarta.core.internal.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.model.RbacPolicy.Permission;
import io.github.stytchjakarta.core.model.RbacPolicy.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyIndexTest {

    private static Role role(String id, Permission... permissions) {
        return new Role(id, "", List.of(permissions));
    }

    private static Permission permission(String resource, String... actions) {
        return new Permission(resource, List.of(actions));
    }

    @Test
    void grantsWhenActionListedThenTrueOnlyForThatResource() {
        PolicyIndex index = PolicyIndex.of(List.of(role("editor", permission("documents", "read", "write"))));

        assertThat(index.grants("editor", "documents", "write")).isTrue();
        assertThat(index.grants("editor", "documents", "delete")).isFalse();
        assertThat(index.grants("editor", "comments", "read")).isFalse();
        assertThat(index.grants("viewer", "documents", "read")).isFalse();
    }

    @Test
    void grantsWhenWildcardActionThenEveryActionButNoWildcardResource() {
        PolicyIndex index = PolicyIndex.of(List.of(role("admin", permission("documents", "*")),
                role("odd", permission("*", "read"))));

        assertThat(index.grants("admin", "documents", "anything")).isTrue();
        assertThat(index.grants("odd", "documents", "read")).isFalse();
    }

    @Test
    void ofWhenRoleOrPermissionListedTwiceThenMerged() {
        PolicyIndex index = PolicyIndex.of(List.of(
                role("editor", permission("documents", "read"), permission("documents", "write")),
                role("editor", permission("comments", "read"))));

        assertThat(index.grants("editor", "documents", "read")).isTrue();
        assertThat(index.grants("editor", "documents", "write")).isTrue();
        assertThat(index.grants("editor", "comments", "read")).isTrue();
    }

    @Test
    void ofWhenIdsMissingThenSkipped() {
        PolicyIndex index = PolicyIndex.of(List.of(new Role(null, null, null), role("r", new Permission(null, null))));

        assertThat(index.grants("r", "documents", "read")).isFalse();
    }
}
