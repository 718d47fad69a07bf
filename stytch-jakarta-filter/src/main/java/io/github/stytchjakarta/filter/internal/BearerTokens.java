package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.ConfigProblem;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.SessionCredential;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfigException;
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
 * unacceptable path gets the global kinds, and is refused later anyway). Where one kind is allowed, the token goes
 * straight to core's verifier for it, which verifies everything, the kind included
 * ({@link InvalidTokenException.Reason#WRONG_TOKEN_KIND} for another kind), so that a cached token is answered
 * without reading its claims. Where several are, the token's claimed kind ({@link TokenKind#peek}, unverified, about
 * 2 µs) picks the verifier: a kind not allowed is refused with {@code WRONG_TOKEN_KIND} without any verification; a
 * token of no known kind goes to the first allowed verifier, which says what is wrong with it. An access token's
 * caller has no roles.
 *
 * <p>On a path matching a {@code stytch.web.access-tokens.introspect} pattern a Connected-App token is also confirmed
 * with Stytch's introspection endpoint ({@code ConnectedAppTokenVerifier.introspect}), so that a revoked one is refused;
 * without an introspection client in the core configuration such a pattern is a configuration error (fail closed:
 * the path must not silently accept revoked tokens). Immutable and thread-safe.
 */
final class BearerTokens {

    private final Stytch stytch;
    private final StytchWebConfig config;
    private final List<CompiledRule> rules;
    private final List<PathPattern> introspected;

    /** @throws StytchConfigException when introspection paths are set without an introspection client */
    BearerTokens(Stytch stytch, StytchWebConfig config) {
        introspectionProblem(stytch.config(), config).ifPresent(problem -> {
            throw new StytchConfigException(List.of(problem));
        });
        this.stytch = stytch;
        this.config = config;
        this.rules = config.accessTokenPaths().stream()
                .map(rule -> new CompiledRule(PathPattern.compile(rule.pathPattern()), rule.kinds())).toList();
        this.introspected = config.introspectionPaths().stream().map(PathPattern::compile).toList();
    }

    /**
     * @param core the core configuration
     * @param web  the web configuration
     * @return the problem when the web configuration asks for introspection that the core one has no client for
     */
    static Optional<ConfigProblem> introspectionProblem(StytchConfig core, StytchWebConfig web) {
        if (web.introspectionPaths().isEmpty() || core.introspection().enabled()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigProblem(StytchWebConfig.Keys.ACCESS_TOKENS_INTROSPECT, "needs "
                + StytchConfig.Keys.INTROSPECTION_CLIENT_ID + " and " + StytchConfig.Keys.INTROSPECTION_CLIENT_SECRET
                + " (a Connected App of the project that may introspect tokens)"));
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
        // one kind allowed: its verifier checks the kind itself, and a cached token costs no look at its claims
        AccessTokenKind kind = allowed.size() == 1 ? allowed.iterator().next() : claimedKind(token, allowed);
        return switch (kind) {
            case SESSION -> {
                AuthenticatedSession session = stytch.authenticator().authenticate(new SessionCredential.SessionJwt(token));
                yield new WebAuthentication.Authenticated(session, CredentialSource.BEARER_HEADER,
                        config.rolesOf(session.principal(), stytch.authorizer()));
            }
            case M2M -> accessToken(stytch.m2mVerifier().verify(token));
            case CONNECTED_APP -> accessToken(isIntrospected(path) ? stytch.connectedAppVerifier().introspect(token)
                    : stytch.connectedAppVerifier().verify(token));
        };
    }

    // the kind the token's unverified claims name, refused at once when not allowed; of no known kind, the first
    // allowed verifier says what is wrong with it
    private static AccessTokenKind claimedKind(String token, Set<AccessTokenKind> allowed) {
        Optional<AccessTokenKind> claimed = switch (TokenKind.peek(token)) {
            case SESSION -> Optional.of(AccessTokenKind.SESSION);
            case M2M_ACCESS -> Optional.of(AccessTokenKind.M2M);
            case CONNECTED_APP_ACCESS -> Optional.of(AccessTokenKind.CONNECTED_APP);
            case OTHER -> Optional.empty();
        };
        if (claimed.isPresent() && !allowed.contains(claimed.get())) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_TOKEN_KIND);
        }
        return claimed.orElse(allowed.iterator().next());
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

    // an unacceptable path is refused later anyway; confirming its token would cost a call for nothing
    private boolean isIntrospected(Optional<String> path) {
        return path.isPresent() && introspected.stream().anyMatch(pattern -> pattern.matches(path.get()));
    }

    private static WebAuthentication.Authenticated accessToken(StytchCaller caller) {
        return new WebAuthentication.Authenticated(caller, Optional.empty(), CredentialSource.BEARER_HEADER, Set.of());
    }

    /** A rule of {@code stytch.web.access-tokens.paths} with its compiled pattern. */
    private record CompiledRule(PathPattern pattern, Set<AccessTokenKind> kinds) {
    }
}
