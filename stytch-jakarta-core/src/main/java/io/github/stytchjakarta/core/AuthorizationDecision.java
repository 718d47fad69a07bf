package io.github.stytchjakarta.core;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link StytchAuthorizer}.
 *
 * @param outcome       granted, or why not
 * @param grantingRoles the caller's roles that grant the permission, or for an access token its granting scopes (empty
 *                      unless granted)
 */
public record AuthorizationDecision(Outcome outcome, List<String> grantingRoles) {

    /** A denial for a resource of another organization. */
    public static final AuthorizationDecision TENANCY_MISMATCH = new AuthorizationDecision(Outcome.TENANCY_MISMATCH, List.of());

    /** A denial because no role of the caller allows the action. */
    public static final AuthorizationDecision PERMISSION_DENIED = new AuthorizationDecision(Outcome.PERMISSION_DENIED, List.of());

    /** Requires the outcome; copies the roles. */
    public AuthorizationDecision {
        Objects.requireNonNull(outcome, "outcome");
        grantingRoles = List.copyOf(grantingRoles);
    }

    /** The outcome of a check, with Stytch's API error types for the denials. */
    public enum Outcome {
        /** Some role of the caller allows the action. */
        GRANTED,
        /** The resource belongs to another organization ({@code session_authorization_tenancy_error}). */
        TENANCY_MISMATCH,
        /** No role of the caller allows the action ({@code session_authorization_error}). */
        PERMISSION_DENIED
    }

    /** @return whether the action is allowed */
    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }
}
