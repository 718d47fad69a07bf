package io.github.stytchjakarta.testkit.internal;

/**
 * Stytch's two product lines: consumer (users) and B2B (organizations and members).
 */
public enum Vertical {
    CONSUMER,
    B2B
}
