package io.github.stytchjakarta.core.internal.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class M2mClaimsTest {

    @Test
    void missingScopesWhenAllHeldThenEmpty() {
        assertThat(M2mClaims.missingScopes(List.of("read:users", "write:users"), List.of("read:users"))).isEmpty();
        assertThat(M2mClaims.missingScopes(List.of("read:users"), List.of())).isEmpty();
    }

    @Test
    void missingScopesWhenWildcardResourceThenAnyResourceOfTheAction() {
        assertThat(M2mClaims.missingScopes(List.of("read:*"), List.of("read:users", "read:books"))).isEmpty();
        assertThat(M2mClaims.missingScopes(List.of("read:*"), List.of("write:users"))).containsExactly("write:users");
    }

    @Test
    void missingScopesWhenScopeWithoutColonThenItsResourceIsDash() {
        assertThat(M2mClaims.missingScopes(List.of("read_users"), List.of("read_users"))).isEmpty();
        assertThat(M2mClaims.missingScopes(List.of("read"), List.of("read:users"))).containsExactly("read:users");
        assertThat(M2mClaims.missingScopes(List.of("read:*"), List.of("read"))).isEmpty();
    }

    @Test
    void missingScopesWhenSeveralPartsThenOnlyFirstTwoCountLikeTheNodeSdk() {
        assertThat(M2mClaims.missingScopes(List.of("read:users:extra"), List.of("read:users"))).isEmpty();
    }

    @Test
    void missingScopesWhenRequiredUsesWildcardThenOnlyAWildcardGrantSatisfiesIt() {
        assertThat(M2mClaims.missingScopes(List.of("read:users"), List.of("read:*"))).containsExactly("read:*");
        assertThat(M2mClaims.missingScopes(List.of("read:*"), List.of("read:*"))).isEmpty();
    }
}
