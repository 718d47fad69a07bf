package io.github.stytchjakarta.cdi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The authenticated caller may not make this call. The {@link #reason()} says why; the codes are the
 * filter's for the same denials ({@code stytch.forbidden.<reason>}). Maps to 403; for an access token, with the
 * {@link #scopes()} that would grant the call in the RFC 6750 {@code insufficient_scope} challenge.
 */
public final class StytchAccessDeniedException extends StytchSecurityException {

    private static final long serialVersionUID = 1L;

    /** Why the call was denied. */
    public enum Reason {
        /** No role of the session grants the permission ({@code session_authorization_error} in Stytch's API). */
        PERMISSION_DENIED("the session's roles do not grant this permission"),
        /** The resource belongs to another organization ({@code session_authorization_tenancy_error}). */
        TENANCY_MISMATCH("the resource belongs to another organization"),
        /** The caller holds none of the roles of a {@link RequiresRole} (an access token holds none at all). */
        ROLE_MISSING("the caller does not hold a required role"),
        /** The caller's access token does not grant a scope of a {@link RequiresScope} (a session grants none). */
        INSUFFICIENT_SCOPE("the credential does not grant the scopes this request needs");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }

        /** @return the problem code, {@code stytch.forbidden.} and the lower-case name */
        public String code() {
            return "stytch.forbidden." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final boolean accessToken;
    private final transient List<String> scopes;

    /**
     * Creates the exception for a caller authenticated by a session.
     *
     * @param reason why; must not be {@code null}
     * @param check  the check that failed, for the message (e.g. {@code documents:read}); no token
     */
    public StytchAccessDeniedException(Reason reason, String check) {
        this(reason, check, false, List.of());
    }

    private StytchAccessDeniedException(Reason reason, String check, boolean accessToken, List<String> scopes) {
        super("access denied (" + Objects.requireNonNull(reason, "reason") + "): " + check);
        this.reason = reason;
        this.accessToken = accessToken;
        this.scopes = List.copyOf(scopes);
    }

    /**
     * Creates the exception for a caller authenticated by an access token, whose refusal names scopes.
     *
     * @param reason why; must not be {@code null}
     * @param check  the check that failed, for the message; no token
     * @param scopes the scopes the call needs (for a permission, any one of them grants it; for
     *               {@link RequiresScope}, all); from the code and the RBAC policy, never from the request
     * @return the exception
     */
    public static StytchAccessDeniedException insufficientScope(Reason reason, String check, List<String> scopes) {
        return new StytchAccessDeniedException(reason, check, true, scopes);
    }

    /** @return why the call was denied */
    public Reason reason() {
        return reason;
    }

    /** @return the scopes the call needs, for an access token; empty for a session (or when no scope would do) */
    @Override
    public List<String> scopes() {
        return scopes == null ? List.of() : scopes; // null after deserialisation
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String code() {
        return reason.code();
    }

    @Override
    public String detail() {
        return accessToken && reason == Reason.PERMISSION_DENIED ? "the token's scopes do not grant this permission"
                : reason.detail;
    }
}
