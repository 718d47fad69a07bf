package io.github.stytchjakarta.cdi;

import java.util.Locale;
import java.util.Objects;

/**
 * The authenticated caller may not make this call. The {@link #reason()} says why; the codes are the
 * filter's for the same denials ({@code stytch.forbidden.<reason>}). Maps to 403.
 */
public final class StytchAccessDeniedException extends StytchSecurityException {

    private static final long serialVersionUID = 1L;

    /** Why the call was denied. */
    public enum Reason {
        /** No role of the session grants the permission ({@code session_authorization_error} in Stytch's API). */
        PERMISSION_DENIED("the session's roles do not grant this permission"),
        /** The resource belongs to another organization ({@code session_authorization_tenancy_error}). */
        TENANCY_MISMATCH("the resource belongs to another organization"),
        /** The caller holds none of the roles of a {@link RequiresRole}. */
        ROLE_MISSING("the caller does not hold a required role");

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

    /**
     * Creates the exception.
     *
     * @param reason why; must not be {@code null}
     * @param check  the check that failed, for the message (e.g. {@code documents:read}); no token
     */
    public StytchAccessDeniedException(Reason reason, String check) {
        super("access denied (" + Objects.requireNonNull(reason, "reason") + "): " + check);
        this.reason = reason;
    }

    /** @return why the call was denied */
    public Reason reason() {
        return reason;
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
        return reason.detail;
    }
}
