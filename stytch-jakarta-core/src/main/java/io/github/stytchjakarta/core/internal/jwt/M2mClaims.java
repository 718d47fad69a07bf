package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.M2mCaller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads M2M access token claims and performs the scope check of Stytch's SDKs. */
public final class M2mClaims {

    private static final String NO_RESOURCE = "-";
    private static final String ANY_RESOURCE = "*";

    private M2mClaims() {
    }

    /**
     * @param claims verified M2M claims (see {@link M2mClaimValidator})
     * @return the client
     */
    public static M2mCaller client(JwtClaims claims) {
        String scope = (String) claims.custom().get(StytchClaims.SCOPE);
        List<String> scopes = Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).toList();
        Map<String, Object> custom = new LinkedHashMap<>(claims.custom());
        custom.remove(StytchClaims.SCOPE);
        return new M2mCaller(claims.subject(), scopes, custom);
    }

    /**
     * The check of Stytch's Node SDK ({@code performAuthorizationCheck}): a scope is
     * {@code action:resource} (without {@code :}, resource {@code -}); a required scope is satisfied by
     * a granted scope with the same action and the same resource or {@code *}.
     *
     * @param granted  the token's scopes
     * @param required the required scopes
     * @return the required scopes not satisfied, in order; empty when all are
     */
    public static List<String> missingScopes(List<String> granted, Collection<String> required) {
        if (required.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> resourcesByAction = new HashMap<>();
        for (String scope : granted) {
            String[] parsed = parse(scope);
            resourcesByAction.computeIfAbsent(parsed[0], action -> new HashSet<>()).add(parsed[1]);
        }
        List<String> missing = new ArrayList<>();
        for (String scope : required) {
            String[] parsed = parse(scope);
            Set<String> resources = resourcesByAction.get(parsed[0]);
            if (resources == null || !(resources.contains(ANY_RESOURCE) || resources.contains(parsed[1]))) {
                missing.add(scope);
            }
        }
        return missing;
    }

    // like the Node SDK's destructuring of scope.split(":"): action, then the second part only
    private static String[] parse(String scope) {
        if (scope.indexOf(':') < 0) {
            return new String[] {scope, NO_RESOURCE};
        }
        String[] parts = scope.split(":", -1);
        return new String[] {parts[0], parts[1]};
    }
}
