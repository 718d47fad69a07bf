package io.github.stytchjakarta.core;

import java.util.List;

/**
 * A valid access token (M2M or Connected-App) lacks some of the required scopes. Maps to HTTP 403 with
 * {@code error="insufficient_scope"} (RFC 6750).
 */
public final class InsufficientScopeException extends StytchException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> missingScopes;

    /**
     * Creates the exception.
     *
     * @param missingScopes the required scopes the token does not grant; must not be {@code null}
     */
    public InsufficientScopeException(List<String> missingScopes) {
        super("the token lacks the required scopes " + missingScopes, null);
        this.missingScopes = List.copyOf(missingScopes);
    }

    /** @return the required scopes the token does not grant */
    public List<String> missingScopes() {
        return missingScopes;
    }
}
