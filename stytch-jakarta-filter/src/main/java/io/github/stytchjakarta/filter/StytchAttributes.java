package io.github.stytchjakarta.filter;

/**
 * Names of the request attributes {@link StytchWebAuthenticator} sets, the same in the filter and in
 * the CDI module's authentication mechanism.
 *
 * <pre>
 * StytchPrincipal caller = (StytchPrincipal) request.getAttribute(StytchAttributes.PRINCIPAL);
 * </pre>
 */
public final class StytchAttributes {

    /**
     * The {@link WebAuthentication} of the request: set on every request the authenticator handled,
     * {@link WebAuthentication.Authenticated}, {@link WebAuthentication.Anonymous}, or
     * {@link WebAuthentication.Failed} (a rejected credential on a public path, which then proceeds
     * anonymously).
     */
    public static final String AUTHENTICATION = "io.github.stytchjakarta.authentication";

    /**
     * The {@link io.github.stytchjakarta.core.StytchCaller} of an authenticated request: a session's
     * {@link io.github.stytchjakarta.core.StytchPrincipal} ({@link io.github.stytchjakarta.core.StytchUser}
     * or {@link io.github.stytchjakarta.core.StytchMember}), or an access token's
     * {@link io.github.stytchjakarta.core.M2mCaller} or {@link io.github.stytchjakarta.core.ConnectedAppCaller};
     * absent otherwise.
     */
    public static final String PRINCIPAL = "io.github.stytchjakarta.principal";

    /**
     * The typed session of an authenticated request: a {@link io.github.stytchjakarta.core.StytchSession}
     * (consumer) or a {@link io.github.stytchjakarta.core.StytchMemberSession} (B2B); absent otherwise (also for an
     * access token).
     */
    public static final String SESSION = "io.github.stytchjakarta.session";

    private StytchAttributes() {
    }
}
