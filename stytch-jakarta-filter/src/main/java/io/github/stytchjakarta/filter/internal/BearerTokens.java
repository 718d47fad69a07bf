package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.SessionCredential;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.internal.jwt.TokenKind;
import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.StytchWebConfig.AccessTokenKind;
import io.github.stytchjakarta.filter.WebAuthentication;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the token of an {@code Authorization: Bearer} header against the kinds allowed on the request's path (the
 * first {@code stytch.web.access-tokens.paths} rule matching it, else {@code stytch.web.access-tokens}; an
 * unacceptable path gets the global kinds, and is refused later anyway): the token's claimed kind
 * ({@link TokenKind#peek}, unverified) picks the one verifier of core for that kind, which verifies everything, the
 * kind included. A kind not allowed is refused with
 * {@link InvalidTokenException.Reason#WRONG_TOKEN_KIND} without any verification; a token of no known kind goes to
 * the first allowed verifier, which says what is wrong with it. An access token's caller has no roles. Immutable and
 * thread-safe.
 */
final class BearerTokens {

    private final Stytch stytch;
    private final StytchWebConfig config;
    private final List<CompiledRule> rules;

    BearerTokens(Stytch stytch, StytchWebConfig config) {
        this.stytch = stytch;
        this.config = config;
        this.rules = config.accessTokenPaths().stream()
                .map(rule -> new CompiledRule(PathPattern.compile(rule.pathPattern()), rule.kinds())).toList();
    }

    /** @return whether only session JWTs are allowed anywhere, so that a bearer token needs no look at its kind */
    boolean sessionsOnly() {
        return rules.isEmpty() && config.accessTokens().equals(Set.of(AccessTokenKind.SESSION));
    }

    /**
     * @param token the bearer token
     * @param path  the request's normalised path, empty when unacceptable
     * @return the authentication
     * @throws InvalidTokenException when the token is refused, of a kind not allowed too
     */
    WebAuthentication.Authenticated authenticate(String token, Optional<String> path) {
        Set<AccessTokenKind> allowed = allowedOn(path);
        Optional<AccessTokenKind> claimed = switch (TokenKind.peek(token)) {
            case SESSION -> Optional.of(AccessTokenKind.SESSION);
            case M2M_ACCESS -> Optional.of(AccessTokenKind.M2M);
            case CONNECTED_APP_ACCESS -> Optional.of(AccessTokenKind.CONNECTED_APP);
            case OTHER -> Optional.empty();
        };
        if (claimed.isPresent() && !allowed.contains(claimed.get())) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_TOKEN_KIND);
        }
        return switch (claimed.orElse(allowed.iterator().next())) {
            case SESSION -> {
                AuthenticatedSession session = stytch.authenticator().authenticate(new SessionCredential.SessionJwt(token));
                yield new WebAuthentication.Authenticated(session, CredentialSource.BEARER_HEADER,
                        config.rolesOf(session.principal(), stytch.authorizer()));
            }
            case M2M -> accessToken(stytch.m2mVerifier().verify(token));
            case CONNECTED_APP -> accessToken(stytch.connectedAppVerifier().verify(token));
        };
    }

    private Set<AccessTokenKind> allowedOn(Optional<String> path) {
        if (path.isPresent()) {
            for (CompiledRule rule : rules) {
                if (rule.pattern().matches(path.get())) {
                    return rule.kinds();
                }
            }
        }
        return config.accessTokens();
    }

    private static WebAuthentication.Authenticated accessToken(StytchCaller caller) {
        return new WebAuthentication.Authenticated(caller, Optional.empty(), CredentialSource.BEARER_HEADER, Set.of());
    }

    /** A rule of {@code stytch.web.access-tokens.paths} with its compiled pattern. */
    private record CompiledRule(PathPattern pattern, Set<AccessTokenKind> kinds) {
    }
}
