package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedPolicy;
import io.github.stytchjakarta.testkit.EmulatorConnectedApps;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The scopes a user or member may grant a Connected App: the OIDC ones and the RBAC policy's. Thread-safe: stateless.
 */
public final class ConnectedAppScopes {

    private ConnectedAppScopes() {
    }

    /**
     * @param policy the policy of the subject's vertical
     * @return {@link EmulatorConnectedApps#OIDC_SCOPES} and the policy's scopes, in that order
     */
    public static Set<String> grantable(EmulatedPolicy policy) {
        Set<String> known = new LinkedHashSet<>(EmulatorConnectedApps.OIDC_SCOPES);
        policy.scopes().forEach(scope -> known.add(scope.scope()));
        return known;
    }
}
