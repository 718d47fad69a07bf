package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.AuthenticatedSession.VerifiedBy;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.internal.Sha256;
import io.github.stytchjakarta.core.internal.cache.SingleFlight;
import io.github.stytchjakarta.core.internal.cache.VerifiedTokenCache;
import io.github.stytchjakarta.core.internal.jwt.CompactJws;
import io.github.stytchjakarta.core.internal.jwt.JwtClaims;
import io.github.stytchjakarta.core.internal.jwt.JwtProcessor;
import io.github.stytchjakarta.core.internal.jwt.SessionClaimsMapper;
import io.github.stytchjakarta.core.internal.jwt.ValidityWindow;
import io.github.stytchjakarta.core.internal.telemetry.Telemetry;
import io.github.stytchjakarta.core.internal.webhook.RevokedSubjects;
import io.github.stytchjakarta.core.model.MemberSessionAuthenticateResponse;
import io.github.stytchjakarta.core.model.SessionAuthenticateRequest;
import io.github.stytchjakarta.core.model.SessionAuthenticateResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates a Stytch session credential: locally when it is a valid session JWT, remotely with
 * {@code POST /v1/(b2b/)sessions/authenticate} otherwise, returning the principal and, after a
 * remote check, the fresh JWT Stytch issued.
 *
 * <p>Local verification ({@link JwtProcessor}): RS256 only, {@code typ} JWT, no key-bearing or
 * {@code crit} headers, a key from the project JWKS by {@code kid}, issuer in
 * {@link JwtSettings#issuers()}, audience {@link JwtSettings#audience()}, {@code nbf}/{@code iat}/
 * {@code exp} and the session's {@code expires_at} with {@link JwtSettings#clockSkew()}, the optional
 * {@link JwtSettings#maxTokenAge()}, and the Stytch session (and B2B organization) claims. Only session
 * JWTs are accepted: a token without the session claim (an M2M or Connected-App access token, an ID token)
 * is {@link Reason#WRONG_TOKEN_KIND}. A verified JWT is cached by a SHA-256 hash of the whole token
 * ({@link CompactJws#tokenHash()}) until the first
 * instant it would fail; the cache is flushed when the signing keys change. A JWT whose session, user, member or
 * organization a webhook reported revoked or deleted ({@link StytchWebhooks}) is {@link Reason#SESSION_NOT_FOUND}
 * until it expires, cached or not.
 *
 * <table>
 *   <caption>What happens to each credential (the fallback policy)</caption>
 *   <tr><th>credential and local outcome</th><th>result</th></tr>
 *   <tr><td>JWT in the verified-token cache</td><td>accepted, {@link VerifiedBy#CACHE}</td></tr>
 *   <tr><td>JWT valid locally</td><td>accepted, {@link VerifiedBy#LOCAL}</td></tr>
 *   <tr><td>JWT validly signed but {@code EXPIRED} or {@code TOO_OLD}</td><td>remote check: Stytch accepts
 *       an expired JWT of a live session and issues a new one ({@link VerifiedBy#REMOTE})</td></tr>
 *   <tr><td>opaque session token of plausible shape</td><td>remote check</td></tr>
 *   <tr><td>JWT whose {@code kid} is not in the cached key set</td><td>waits for the key set fetch in flight, or
 *       starts one if none started in the last {@link JwksSettings#rateLimit()}, and is verified with the
 *       fetched keys (a rotated key is accepted, concurrent requests share the fetch); otherwise, or if the key
 *       is still unknown, {@code UNKNOWN_KEY}, final for this credential with no API call. Bounds: see
 *       {@code JwksKeyStore}. The web layer ({@code StytchWebAuthenticator}) then decides a request by its
 *       opaque session cookie when it carries one, instead of clearing the cookies</td></tr>
 *   <tr><td>JWT {@code MALFORMED}, {@code UNSUPPORTED_ALGORITHM}, {@code UNSUPPORTED_HEADER}, {@code WRONG_TYPE},
 *       {@code BAD_SIGNATURE}, {@code WRONG_ISSUER}, {@code WRONG_AUDIENCE}, {@code NOT_YET_VALID},
 *       {@code MISSING_CLAIM}, {@code WRONG_TOKEN_KIND}, {@code SESSION_EXPIRED}; a token of impossible shape</td>
 *       <td>rejected locally, final: no API call (a forged or foreign token must not cost one, and Stytch could only
 *       say no)</td></tr>
 *   <tr><td>no signing keys available (JWKS down, nothing cached)</td><td>{@link StytchUnavailableException}</td></tr>
 * </table>
 * Remote answers: 200 accepted; 404 with Stytch's error body → {@link Reason#SESSION_NOT_FOUND} (revoked,
 * expired or unknown session); 400 with Stytch's error body → {@link Reason#MALFORMED}; any other 4xx is a
 * problem of this application (e.g. a wrong secret) and propagates as {@link StytchApiException}; 429, 5xx,
 * I/O errors and any answer that is not Stytch's (e.g. a web server's HTML 404 behind a wrong
 * {@code stytch.base-url}, logged at WARNING by the transport) propagate as {@link StytchUnavailableException},
 * so a misconfiguration never turns into "session not found". A remote check never changes the session unless
 * {@code stytch.session.duration-minutes} is set, in which case it extends it (and is not retried).
 *
 * <p>Remote checks are bounded (ADR 009): concurrent checks of the same credential share one call; a credential
 * Stytch refused ({@code SESSION_NOT_FOUND}, {@code MALFORMED}) is refused again without a call for
 * {@link CacheSettings#refusedTtl()}; a remote success with a refreshed JWT is reused, as {@link VerifiedBy#CACHE},
 * until that JWT would fail here: always for an expired JWT, and for an opaque token when
 * {@link CacheSettings#opaqueTokens()} is on (off by default, so a revoked opaque token is refused at once). The
 * calls themselves are bounded by the transport's timeouts, bulkhead and circuit breaker.
 *
 * <p>Each authentication is counted in the {@code stytch.authentications} metric by outcome ({@code cache},
 * {@code local}, {@code remote}, {@code refused} with its reason, {@code unavailable}).
 *
 * <p>Thread-safe. Rejections are logged at DEBUG with their reason only; tokens are never logged.
 */
public final class SessionAuthenticator {

    /** Longest opaque session token sent to Stytch; Stytch's are 44 characters. */
    public static final int MAX_SESSION_TOKEN_LENGTH = 128;

    private static final System.Logger LOG = System.getLogger(SessionAuthenticator.class.getName());
    private static final String KIND = "session";

    private final StytchConfig config;
    private final StytchClient client;
    private final JwtProcessor processor;
    private final SessionClaimsMapper mapper;
    private final ValidityWindow validity;
    private final VerifiedTokenCache<AuthenticatedSession> cache;
    private final VerifiedTokenCache<Reason> refused;
    private final SingleFlight<VerifiedTokenCache.Key, AuthenticatedSession> remoteChecks =
            new SingleFlight<>(SessionAuthenticator::forWaiter);
    private final RevokedSubjects revoked;
    private final Clock clock;
    private final Telemetry telemetry;

    SessionAuthenticator(StytchConfig config, StytchClient client, JwtProcessor processor, ValidityWindow validity,
                         VerifiedTokenCache<AuthenticatedSession> cache, RevokedSubjects revoked, Clock clock,
                         Telemetry telemetry) {
        this.config = config;
        this.client = client;
        this.processor = processor;
        this.mapper = new SessionClaimsMapper(config.vertical());
        this.validity = validity;
        this.cache = cache;
        this.refused = config.cache().refusedTtl().isZero() ? new VerifiedTokenCache<>(0, 0)
                : new VerifiedTokenCache<>(config.cache().maxEntries(), config.cache().maxBytes());
        this.revoked = revoked;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    /**
     * Authenticates a credential; see the class documentation for the policy.
     *
     * @param credential a session JWT or opaque session token; must not be {@code null}
     * @return the authenticated session
     * @throws InvalidTokenException      when the credential is not acceptable
     * @throws StytchUnavailableException when it cannot be decided now (keys or Stytch unavailable)
     * @throws StytchApiException         when Stytch refuses this application's call (e.g. wrong secret)
     */
    public AuthenticatedSession authenticate(SessionCredential credential) {
        Objects.requireNonNull(credential, "credential");
        try {
            AuthenticatedSession session = authenticateCredential(credential);
            telemetry.authentication(KIND, session.verifiedBy().name(), null);
            return session;
        } catch (InvalidTokenException e) {
            telemetry.authentication(KIND, "REFUSED", e.reason().name());
            throw e;
        } catch (StytchUnavailableException e) {
            telemetry.authentication(KIND, "UNAVAILABLE", null);
            throw e;
        }
    }

    private AuthenticatedSession authenticateCredential(SessionCredential credential) {
        if (credential instanceof SessionJwt jwt) {
            return authenticateJwt(jwt.value());
        }
        String token = credential.value();
        if (!isPlausibleSessionToken(token)) {
            throw reject(Reason.MALFORMED);
        }
        VerifiedTokenCache.Key key = VerifiedTokenCache.Key.of(Sha256.of(token.getBytes(StandardCharsets.US_ASCII)));
        return authenticateRemotely(key, SessionAuthenticateRequest.ofToken(token), config.cache().opaqueTokens());
    }

    private AuthenticatedSession authenticateJwt(String jwt) {
        long now = clock.millis();
        CompactJws token;
        try {
            token = CompactJws.parse(jwt.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidTokenException e) {
            throw reject(e.reason());
        }
        VerifiedTokenCache.Key key = VerifiedTokenCache.Key.of(token.tokenHash());
        AuthenticatedSession cached = cache.get(key, now);
        if (cached != null) {
            rejectIfRevoked(cached.principal(), now);
            return cached;
        }
        JwtClaims claims;
        try {
            claims = processor.process(token, now);
        } catch (InvalidTokenException e) {
            if (e.reason() == Reason.EXPIRED || e.reason() == Reason.TOO_OLD) {
                LOG.log(System.Logger.Level.DEBUG, () -> "session JWT " + e.reason() + " locally, asking Stytch");
                return authenticateRemotely(key, SessionAuthenticateRequest.ofJwt(jwt), true);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "session JWT rejected locally: " + e.reason());
            throw e;
        }
        StytchPrincipal principal = mapper.principal(claims);
        rejectIfRevoked(principal, now);
        cache.put(key, new AuthenticatedSession(principal, Optional.empty(), VerifiedBy.CACHE),
                VerifiedTokenCache.estimatedBytes(jwt.length()), validity.until(claims, principal.sessionExpiresAt()), now);
        return new AuthenticatedSession(principal, Optional.empty(), VerifiedBy.LOCAL);
    }

    // one call per credential at a time; Stytch's refusals remembered; a success cached when asked to (see the class
    // doc), and looked up here, where a caller that just missed the previous call for this credential also finds it
    private AuthenticatedSession authenticateRemotely(VerifiedTokenCache.Key key, SessionAuthenticateRequest request,
                                                      boolean cacheResult) {
        return remoteChecks.run(key, () -> {
            rejectIfRefused(key);
            long now = clock.millis();
            AuthenticatedSession cached = cacheResult ? cache.get(key, now) : null;
            if (cached != null) {
                rejectIfRevoked(cached.principal(), now);
                return cached;
            }
            try {
                AuthenticatedSession session = authenticateRemotely(request);
                if (cacheResult) {
                    cacheUntilRefreshedJwtExpires(key, session);
                }
                return session;
            } catch (InvalidTokenException e) {
                long refusedAt = clock.millis();
                refused.put(key, e.reason(), VerifiedTokenCache.ENTRY_OVERHEAD_BYTES,
                        refusedAt + config.cache().refusedTtl().toMillis(), refusedAt);
                throw e;
            }
        });
    }

    // A refreshed JWT, valid for minutes, is what the caller uses next anyway: reusing the result as long does not
    // accept the credential a moment longer than that JWT would be. No refreshed JWT, or one that does not verify
    // here, and nothing is cached.
    private void cacheUntilRefreshedJwtExpires(VerifiedTokenCache.Key key, AuthenticatedSession session) {
        if (session.refreshedJwt().isEmpty()) {
            return;
        }
        long now = clock.millis();
        try {
            JwtClaims claims = processor.process(CompactJws.parse(
                    session.refreshedJwt().get().getBytes(StandardCharsets.UTF_8)), now);
            cache.put(key, new AuthenticatedSession(session.principal(), session.refreshedJwt(), VerifiedBy.CACHE),
                    VerifiedTokenCache.estimatedBytes(session.refreshedJwt().get().length()),
                    validity.until(claims, session.principal().sessionExpiresAt()), now);
        } catch (InvalidTokenException | StytchUnavailableException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "remote result not cached: its session JWT did not verify here");
        }
    }

    /** @return the number of credentials Stytch refused that are remembered */
    int refusedEntries() {
        return refused.size();
    }

    // also the waiters' exception of a Connected-App introspection in flight
    static RuntimeException forWaiter(RuntimeException failure) {
        if (failure instanceof InvalidTokenException invalid) {
            return new InvalidTokenException(invalid.reason(), invalid);
        }
        if (failure instanceof StytchUnavailableException unavailable) {
            return new StytchUnavailableException(unavailable.getMessage(), unavailable.statusCode().isPresent()
                    ? unavailable.statusCode().getAsInt() : null, unavailable.retryAfter().orElse(null), unavailable);
        }
        if (failure instanceof StytchApiException) {
            return failure;
        }
        return new StytchUnavailableException("the remote check failed: " + failure.getClass().getSimpleName(),
                null, null, failure);
    }

    private AuthenticatedSession authenticateRemotely(SessionAuthenticateRequest request) {
        if (config.session().durationMinutes().isPresent()) {
            request = request.withSessionDurationMinutes(config.session().durationMinutes().getAsInt());
        }
        try {
            if (config.vertical() == Vertical.B2B) {
                MemberSessionAuthenticateResponse answer = client.b2bSessions().authenticate(request);
                return remoteResult(answer.memberSession() == null ? null : new StytchMember(answer.memberSession()),
                        answer.sessionJwt());
            }
            SessionAuthenticateResponse answer = client.sessions().authenticate(request);
            return remoteResult(answer.session() == null ? null : new StytchUser(answer.session()), answer.sessionJwt());
        } catch (StytchApiException e) {
            if (e.statusCode() == 404) {
                throw reject(Reason.SESSION_NOT_FOUND, e);
            }
            if (e.statusCode() == 400) {
                throw reject(Reason.MALFORMED, e);
            }
            throw e;
        }
    }

    private static AuthenticatedSession remoteResult(StytchPrincipal principal, String refreshedJwt) {
        if (principal == null) {
            throw new StytchUnavailableException("Stytch's sessions/authenticate answer had no session", null, null, null);
        }
        return new AuthenticatedSession(principal, Optional.ofNullable(refreshedJwt).filter(jwt -> !jwt.isEmpty()),
                VerifiedBy.REMOTE);
    }

    private void rejectIfRefused(VerifiedTokenCache.Key key) {
        Reason refusal = refused.get(key, clock.millis());
        if (refusal != null) {
            throw reject(refusal);
        }
    }

    // a revoked session's JWT still verifies locally until it expires: Stytch would answer 404 for it
    private void rejectIfRevoked(StytchPrincipal principal, long now) {
        if (revoked.isRevoked(principal, now)) {
            throw reject(Reason.SESSION_NOT_FOUND);
        }
    }

    private static InvalidTokenException reject(Reason reason) {
        return reject(reason, null);
    }

    private static InvalidTokenException reject(Reason reason, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, () -> "session credential rejected: " + reason);
        return new InvalidTokenException(reason, cause);
    }

    private static boolean isPlausibleSessionToken(String token) {
        if (token.isEmpty() || token.length() > MAX_SESSION_TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64Url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64Url) {
                return false;
            }
        }
        return true;
    }
}
