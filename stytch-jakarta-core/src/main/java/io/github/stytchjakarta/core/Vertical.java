package io.github.stytchjakarta.core;

/**
 * Which Stytch product a project belongs to; it decides the API paths and the principal type.
 */
public enum Vertical {

    /** Consumer authentication: users, {@code /v1/sessions/...}, principal {@link StytchUser}. */
    CONSUMER,

    /** B2B authentication: organizations and members, {@code /v1/b2b/sessions/...}, principal {@link StytchMember}. */
    B2B
}
