package io.github.stytchjakarta.testkit;

import com.nimbusds.jose.JOSEObjectType;
import io.github.stytchjakarta.testkit.internal.EmulatorState;
import io.github.stytchjakarta.testkit.internal.JwtSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Mints one JWT the way Stytch does, with any deviation a test needs. Obtained from {@link EmulatorTokens#jwt} (session
 * JWTs), {@link EmulatorTokens#m2mToken} (M2M access tokens), {@link EmulatorTokens#connectedAppToken} (Connected-App
 * access tokens) or {@link EmulatorTokens#idToken} (Connected-App ID tokens): the four kinds Stytch signs with a
 * project's keys.
 *
 * <p>Defaults: header {@code {alg: RS256, kid: <signing key>, typ: JWT}}; claims {@code iss} (the emulator's issuer),
 * {@code aud: [project_id]} (an ID token's: {@code [client_id]}), {@code sub}, {@code iat} = now (the emulator's
 * clock), {@code nbf = iat}, {@code exp = iat + lifetime} (5 minutes for sessions, 1 hour for the others), then the
 * subject's claims read at {@link #mint()} time (the session claim, the organization claim, custom claims; or
 * {@code scope} and the client's claims; or {@code client_id}, {@code scope}, {@code jti} and for a member the
 * organization claim; or the ID token's profile claims). Time claims are epoch seconds.
 *
 * <pre>
 * String valid   = emulator.tokens().jwt(session).mint();
 * String expired = emulator.tokens().jwt(session).expired().mint();
 * String forged  = emulator.tokens().jwt(session).signedWith(emulator.keys().generateUnpublished()).mint();
 * String odd     = emulator.tokens().jwt(session).audience("other").removeClaim("nbf").header("jku", "https://evil").mint();
 * </pre>
 *
 * A minter is a builder: not thread-safe; {@link #mint()} may be called repeatedly.
 */
public final class JwtMinter {

    /** The lifetime of a Stytch session JWT: 5 minutes, whatever the session's duration. */
    public static final Duration SESSION_JWT_LIFETIME = Duration.ofMinutes(5);

    /** The lifetime of an M2M access token. */
    public static final Duration M2M_TOKEN_LIFETIME = Duration.ofHours(1);

    /** The lifetime of a Connected-App access token (the docs' example: {@code exp - iat} = 3600). */
    public static final Duration CONNECTED_APP_TOKEN_LIFETIME = Duration.ofHours(1);

    /** The lifetime of a Connected-App ID token (the docs' example: {@code exp - iat} = 3600). */
    public static final Duration ID_TOKEN_LIFETIME = Duration.ofHours(1);

    /** The scopes of a Connected-App access token unless {@link #scopes} narrows them: the OIDC ones. */
    public static final List<String> CONNECTED_APP_SCOPES = List.of("openid", "email", "profile");

    /** How far in the past {@link #expired()} puts {@code iat}: the token expired one lifetime ago. */
    private static final int EXPIRED_LIFETIMES_AGO = 2;

    private final EmulatorState state;
    private final Supplier<Map<String, Object>> subjectClaims;
    private final Duration lifetime;
    private final List<String> defaultAudience;

    private Instant issuedAt;
    private Instant expiresAt;
    private Instant notBefore;
    private String issuer;
    private List<String> audience;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final Set<String> removedClaims = new HashSet<>();
    private EmulatorKey key;
    private final Map<String, Object> header = new LinkedHashMap<>();

    JwtMinter(EmulatorState state, Supplier<Map<String, Object>> subjectClaims, Duration lifetime) {
        this(state, subjectClaims, lifetime, List.of(state.projectId()));
    }

    JwtMinter(EmulatorState state, Supplier<Map<String, Object>> subjectClaims, Duration lifetime,
            List<String> defaultAudience) {
        this.state = state;
        this.subjectClaims = subjectClaims;
        this.lifetime = lifetime;
        this.defaultAudience = List.copyOf(defaultAudience);
    }

    /**
     * @param instant the {@code iat}; {@code nbf} and {@code exp} follow it unless set
     * @return this minter
     */
    public JwtMinter issuedAt(Instant instant) {
        this.issuedAt = Objects.requireNonNull(instant, "instant");
        return this;
    }

    /**
     * @param instant the {@code exp}
     * @return this minter
     */
    public JwtMinter expiresAt(Instant instant) {
        this.expiresAt = Objects.requireNonNull(instant, "instant");
        return this;
    }

    /**
     * @param instant the {@code nbf}
     * @return this minter
     */
    public JwtMinter notBefore(Instant instant) {
        this.notBefore = Objects.requireNonNull(instant, "instant");
        return this;
    }

    /**
     * A validly signed token that expired one lifetime ago: {@code iat} = now − 2 lifetimes, {@code exp} = now − 1
     * lifetime.
     *
     * @return this minter
     */
    public JwtMinter expired() {
        return issuedAt(state.now().minus(lifetime.multipliedBy(EXPIRED_LIFETIMES_AGO)));
    }

    /**
     * @param issuer the {@code iss}
     * @return this minter
     */
    public JwtMinter issuer(String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        return this;
    }

    /**
     * @param audience the {@code aud} values (always rendered as an array; use {@link #claim} for a string)
     * @return this minter
     */
    public JwtMinter audience(String... audience) {
        this.audience = List.of(audience);
        return this;
    }

    /**
     * @param subject the {@code sub}
     * @return this minter
     */
    public JwtMinter subject(String subject) {
        return claim("sub", Objects.requireNonNull(subject, "subject"));
    }

    /**
     * @param scopes the space-separated {@code scope} claim of an M2M or Connected-App access token
     * @return this minter
     */
    public JwtMinter scopes(String... scopes) {
        return claim("scope", String.join(" ", scopes));
    }

    /**
     * Sets a top-level claim, replacing any default (registered claims included).
     *
     * @param name  the claim
     * @param value a JSON-like value; {@code null} renders JSON null
     * @return this minter
     */
    public JwtMinter claim(String name, Object value) {
        claims.put(Objects.requireNonNull(name, "name"), value);
        removedClaims.remove(name);
        return this;
    }

    /**
     * Leaves a claim out of the token, default or not.
     *
     * @param name the claim, e.g. {@code nbf} or {@code https://stytch.com/session}
     * @return this minter
     */
    public JwtMinter removeClaim(String name) {
        removedClaims.add(Objects.requireNonNull(name, "name"));
        return this;
    }

    /**
     * @param kid the {@code kid} header (the token is still signed with the signing key)
     * @return this minter
     */
    public JwtMinter keyId(String kid) {
        return header("kid", kid);
    }

    /**
     * Signs with a given key; its id becomes the {@code kid} unless {@link #keyId} or {@link #header} set one.
     *
     * @param key any emulator key, published or not
     * @return this minter
     */
    public JwtMinter signedWith(EmulatorKey key) {
        this.key = Objects.requireNonNull(key, "key");
        return this;
    }

    /**
     * Sets any header parameter ({@code alg} included: the signature is RS256 whatever {@code alg} claims).
     *
     * @param name  the parameter
     * @param value a JSON-like value; {@code null} removes the parameter
     * @return this minter
     */
    public JwtMinter header(String name, Object value) {
        header.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    /**
     * @param type the {@code typ} header; {@code null} leaves it out
     * @return this minter
     */
    public JwtMinter type(JOSEObjectType type) {
        return header("typ", type == null ? null : type.getType());
    }

    /**
     * @return the compact JWS
     */
    public String mint() {
        EmulatorKey signingKey = key != null ? key : state.keys().signingKey();
        Instant iat = issuedAt != null ? issuedAt : state.now();

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer != null ? issuer : state.issuer());
        payload.put("aud", audience != null ? audience : defaultAudience);
        payload.putAll(subjectClaims.get());
        payload.put("iat", iat.getEpochSecond());
        payload.put("nbf", (notBefore != null ? notBefore : iat).getEpochSecond());
        payload.put("exp", (expiresAt != null ? expiresAt : iat.plus(lifetime)).getEpochSecond());
        payload.putAll(claims);
        payload.keySet().removeAll(removedClaims);

        Map<String, Object> joseHeader = new LinkedHashMap<>();
        joseHeader.put("alg", "RS256");
        joseHeader.put("kid", signingKey.kid());
        joseHeader.put("typ", JOSEObjectType.JWT.getType());
        joseHeader.putAll(header);
        joseHeader.values().removeIf(Objects::isNull);
        return JwtSigner.sign(joseHeader, payload, signingKey);
    }
}
