package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.github.stytchjakarta.core.AuthenticatedSession.VerifiedBy;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatorKey;
import io.github.stytchjakarta.testkit.HostileTokens;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Our session and M2M verification, through the public entry points ({@link SessionAuthenticator},
 * {@link M2mTokenVerifier}), against Nimbus's {@link DefaultJWTProcessor} configured to the same rules: RS256
 * only, the same key set, issuer, audience, {@code exp}/{@code nbf} with the same skew, {@code typ} JWT, and the
 * claims each kind requires. The tokens: the {@link HostileTokens} fixture and seeded random mutations of a
 * genuine session JWT and M2M token (header games, duplicate JSON names, number and UTF-8 edge cases, base64
 * variants, byte flips), most of them signed again with the genuine key, so that the parsers, not the
 * signature, decide.
 *
 * <p>The property: we never accept a token the reference rejects (we may refuse more), and when both accept,
 * the claims we read equal the reference's. The session behind the session JWT is revoked at Stytch, so a
 * token we send to Stytch (expired locally) is refused there and every acceptance is a local one. Only
 * {@link InvalidTokenException} may escape.
 *
 * <p>{@value #ITERATIONS_PROPERTY} sets the number of mutations (default {@value #DEFAULT_ITERATIONS}, a few
 * seconds), {@value #SEED_PROPERTY} the seed; a failure names the seed and the mutations.
 */
class DifferentialVerificationTest {

    /** System property: number of random mutations, e.g. {@code -Ddifferential.iterations=200000}. */
    static final String ITERATIONS_PROPERTY = "differential.iterations";

    /** System property: the random seed. */
    static final String SEED_PROPERTY = "differential.seed";

    static final int DEFAULT_ITERATIONS = 2_000;

    static final long DEFAULT_SEED = 13;

    private static final MutableClock CLOCK = MutableClock.at(Instant.parse("2026-06-01T12:00:00Z"));
    private static final String SESSION_CLAIM = "https://stytch.com/session";
    private static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_REPORTED = 20;

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchEmulator emulator;
    private static Stytch stytch;
    private static EmulatorKey signingKey;
    private static EmulatorKey unpublishedKey;
    private static String sessionJwt;
    private static String m2mToken;
    private static DefaultJWTProcessor<SecurityContext> sessionReference;
    private static DefaultJWTProcessor<SecurityContext> m2mReference;

    private final List<String> violations = new ArrayList<>();
    private int bothAccepted;
    private int onlyReferenceAccepted;

    @BeforeAll
    static void setUpAll() throws Exception {
        emulator = STYTCH.emulator();
        StytchConfig config = EmulatorConfigs.consumer(emulator);
        stytch = Stytch.builder(config).clock(CLOCK).build();
        signingKey = emulator.keys().signingKey();
        unpublishedKey = emulator.keys().generateUnpublished();
        EmulatedSession session = emulator.createSession(emulator.createUser(u -> u.email("eve@example.com")
                .roles("editor")), s -> s.customClaim("tier", "gold").customClaim("limits", Map.of("n", 7, "f", 1.5)));
        sessionJwt = emulator.tokens().jwt(session).mint();
        assertThat(stytch.authenticator().authenticate(new SessionJwt(sessionJwt)).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        emulator.revokeSession(session.sessionId());
        EmulatedM2mClient client = emulator.createM2mClient(c -> c.scopes("read:users", "admin")
                .customClaim("team", "ops"));
        m2mToken = emulator.tokens().m2mToken(client).mint();
        stytch.m2mVerifier().verify(m2mToken);

        JWKSet keys = new JWKSet(emulator.keys().published().stream().map(key -> (JWK) key.publicJwk()).toList());
        long skewSeconds = config.jwt().clockSkew().toSeconds();
        sessionReference = reference(keys, config, skewSeconds, Set.of("sub", "exp", SESSION_CLAIM), Set.of());
        m2mReference = reference(keys, config, skewSeconds, Set.of("sub", "exp", "scope"), Set.of(SESSION_CLAIM));
    }

    @AfterAll
    static void tearDownAll() {
        stytch.close();
    }

    @Test
    void verifyWhenHostileTokensThenNeverMoreLenientThanNimbus() {
        String otherKind = HostileTokens.swappedPayload(sessionJwt, m2mToken);
        List<String> tokens = new ArrayList<>();
        for (String genuine : List.of(sessionJwt, m2mToken)) {
            tokens.add(genuine);
            tokens.add(HostileTokens.algNone(genuine));
            tokens.add(HostileTokens.hs256WithPublicKey(genuine, signingKey.publicJwk()));
            tokens.add(HostileTokens.jwe(genuine, signingKey.publicJwk()));
            tokens.add(HostileTokens.tamperedSignature(genuine));
            tokens.add(HostileTokens.truncated(genuine));
            tokens.add(HostileTokens.badBase64Payload(genuine));
            tokens.add(HostileTokens.notJsonPayload(genuine));
        }
        tokens.add(otherKind);
        for (String token : tokens) {
            compare("hostile token", token);
        }

        assertThat(violations).isEmpty();
        assertThat(bothAccepted).as("the genuine tokens, each by its own verifier").isEqualTo(2);
    }

    @Test
    void verifyWhenRandomMutationsThenNeverMoreLenientThanNimbusAndSameClaims() {
        int iterations = Integer.getInteger(ITERATIONS_PROPERTY, DEFAULT_ITERATIONS);
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        Random random = new Random(seed);
        List<Mutation> mutations = mutations();
        for (int i = 0; i < iterations; i++) {
            Token token = Token.of(random.nextBoolean() ? sessionJwt : m2mToken);
            List<String> applied = new ArrayList<>();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                Mutation mutation = mutations.get(random.nextInt(mutations.size()));
                applied.add(mutation.name());
                token = mutation.apply(random, token);
            }
            compare("seed " + seed + ", iteration " + i + ": " + applied, token.serialize());
        }

        assertThat(violations).as("seed %d", seed).isEmpty();
        // the mutations that keep the meaning (whitespace, escapes, base64 padding) must be accepted by both
        assertThat(bothAccepted).as("tokens both accepted").isGreaterThan(iterations / 50);
        assertThat(onlyReferenceAccepted).as("tokens only Nimbus accepted").isPositive();
    }

    private void compare(String description, String token) {
        compareSession(description, token);
        compareM2m(description, token);
    }

    private void compareSession(String description, String token) {
        AuthenticatedSession ours;
        try {
            ours = stytch.authenticator().authenticate(new SessionJwt(token));
        } catch (InvalidTokenException e) {
            ours = null;
        } catch (RuntimeException e) {
            report(description, "session verifier threw " + e);
            return;
        }
        if (ours != null && ours.verifiedBy() == VerifiedBy.REMOTE) {
            report(description, "a revoked session accepted remotely");
            return;
        }
        JWTClaimsSet reference = reference(sessionReference, token);
        if (ours == null) {
            onlyReferenceAccepted += reference == null ? 0 : 1;
            return;
        }
        if (reference == null) {
            report(description, "session JWT accepted by us, rejected by Nimbus" + ": " + parts(token));
            return;
        }
        bothAccepted++;
        StytchSession session = ((StytchUser) ours.principal()).session();
        Map<String, Object> claim = map(reference.getClaim(SESSION_CLAIM));
        expectSame(description, "sub", session.userId(), reference.getSubject());
        expectSame(description, "session id", session.sessionId(), claim.get("id"));
        expectSame(description, "roles", session.roles(), strings(claim.get("roles")));
        expectSame(description, "expires_at", session.expiresAt(), instant(claim.get("expires_at")));
        expectSame(description, "factors", session.authenticationFactors().size(),
                claim.get("authentication_factors") instanceof List<?> list ? list.size() : 0);
        expectSame(description, "custom claims", normalize(session.customClaims()), normalize(custom(reference, Set.of())));
    }

    private void compareM2m(String description, String token) {
        M2mCaller ours;
        try {
            ours = stytch.m2mVerifier().verify(token);
        } catch (InvalidTokenException e) {
            ours = null;
        } catch (RuntimeException e) {
            report(description, "M2M verifier threw " + e);
            return;
        }
        JWTClaimsSet reference = reference(m2mReference, token);
        if (ours == null) {
            onlyReferenceAccepted += reference == null ? 0 : 1;
            return;
        }
        if (reference == null) {
            report(description, "M2M token accepted by us, rejected by Nimbus" + ": " + parts(token));
            return;
        }
        bothAccepted++;
        expectSame(description, "client id", ours.clientId(), reference.getSubject());
        expectSame(description, "scopes", ours.scopes(), reference.getClaim("scope") instanceof String scope
                ? Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).toList() : null);
        expectSame(description, "custom claims", normalize(ours.customClaims()), normalize(custom(reference, Set.of("scope"))));
    }

    /** The header and the start of the payload of a token we accepted, for the report. */
    private static String parts(String token) {
        String[] parts = token.split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String payload = new String(decoder.decode(parts[1].replace("=", "")), StandardCharsets.UTF_8);
        return new String(decoder.decode(parts[0].replace("=", "")), StandardCharsets.UTF_8) + " "
                + payload.substring(0, Math.min(payload.length(), 120));
    }

    private void expectSame(String description, String what, Object ours, Object reference) {
        if (!Objects.equals(ours, reference)) {
            report(description, what + " differs: ours " + ours + ", Nimbus " + reference);
        }
    }

    private void report(String description, String problem) {
        if (violations.size() < MAX_REPORTED) {
            violations.add(description + ": " + problem);
        }
    }

    private static JWTClaimsSet reference(DefaultJWTProcessor<SecurityContext> processor, String token) {
        try {
            return processor.process(token, null);
        } catch (Exception e) {
            return null; // a rejection, whatever its kind: only the verdict is compared
        }
    }

    private static DefaultJWTProcessor<SecurityContext> reference(JWKSet keys, StytchConfig config, long skewSeconds,
                                                                  Set<String> required, Set<String> prohibited) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(config.jwt().audience()), null,
                required, prohibited) {
            @Override
            protected Date currentTime() {
                return Date.from(CLOCK.instant());
            }
        };
        claims.setMaxClockSkew((int) skewSeconds);
        processor.setJWTClaimsSetVerifier((claimsSet, context) -> {
            claims.verify(claimsSet, context);
            if (!config.jwt().issuers().contains(claimsSet.getIssuer())) {
                throw new BadJWTException("issuer");
            }
        });
        return processor;
    }

    // --- reading the reference's claims the way our mapping reads them -----------------------------------

    private static Map<String, Object> custom(JWTClaimsSet claims, Set<String> alsoExcluded) {
        Map<String, Object> custom = new LinkedHashMap<>(claims.getClaims());
        custom.keySet().removeIf(name -> REGISTERED.contains(name) || name.startsWith("https://stytch.com/")
                || alsoExcluded.contains(name));
        return custom;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().filter(String.class::isInstance).map(String.class::cast)
                .toList() : List.of();
    }

    private static Instant instant(Object value) {
        try {
            return value instanceof String text ? OffsetDateTime.parse(text).toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** JSON values compared by value: Nimbus reads an integer beyond a long as a double, we exactly. */
    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> normalized = new LinkedHashMap<>();
            map.forEach((k, v) -> normalized.put(k, normalize(v)));
            return normalized;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DifferentialVerificationTest::normalize).toList();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return new BigDecimal(((Number) value).doubleValue()).stripTrailingZeros();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big.doubleValue()).stripTrailingZeros();
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue()).stripTrailingZeros();
        }
        return value;
    }

    // --- mutations ---------------------------------------------------------------------------------------

    private record Mutation(String name, BiFunction<Random, Token, Token> change) {
        Token apply(Random random, Token token) {
            return token.raw() != null ? token : change.apply(random, token);
        }
    }

    /**
     * A token being mutated: its header and payload bytes, how they are encoded, and its signature part
     * ({@code null}: signed again with the genuine key) with anything appended; or, after a byte flip that
     * broke its structure, only its text ({@code raw}), which later mutations leave as it is.
     */
    private record Token(byte[] header, byte[] payload, Encoding encoding, String signature, String tail, String raw) {

        static Token of(String compact) {
            String[] parts = compact.split("\\.", -1);
            return new Token(Base64.getUrlDecoder().decode(parts[0]), Base64.getUrlDecoder().decode(parts[1]),
                    Encoding.PLAIN, null, "", null);
        }

        static Token raw(String compact) {
            String[] parts = compact.split("\\.", 3);
            if (parts.length == 3) {
                try {
                    Token decoded = new Token(Base64.getUrlDecoder().decode(parts[0]),
                            Base64.getUrlDecoder().decode(parts[1]), Encoding.PLAIN, parts[2], "", null);
                    if (decoded.serialize().equals(compact)) {
                        return decoded;
                    }
                } catch (IllegalArgumentException e) {
                    // not base64url: kept as text
                }
            }
            return new Token(null, null, Encoding.PLAIN, null, "", compact);
        }

        String signingInput() {
            return encoding.encode(header) + "." + encoding.encode(payload);
        }

        String serialize() {
            return raw != null ? raw
                    : signingInput() + "." + (signature != null ? signature : sign(signingInput(), signingKey)) + tail;
        }

        Token header(byte[] newHeader) {
            return raw != null ? this : new Token(newHeader, payload, encoding, signature, tail, null);
        }

        Token payload(byte[] newPayload) {
            return raw != null ? this : new Token(header, newPayload, encoding, signature, tail, null);
        }

        Token encoding(Encoding newEncoding) {
            return raw != null ? this : new Token(header, payload, newEncoding, signature, tail, null);
        }

        Token signature(String newSignature) {
            return raw != null ? this : new Token(header, payload, encoding, newSignature, tail, null);
        }

        Token tail(String newTail) {
            return raw != null ? this : new Token(header, payload, encoding, signature, newTail, null);
        }

        String headerText() {
            return raw != null ? "" : new String(header, StandardCharsets.UTF_8);
        }

        String payloadText() {
            return raw != null ? "" : new String(payload, StandardCharsets.UTF_8);
        }
    }

    private enum Encoding {
        PLAIN, PADDED, STANDARD_ALPHABET, WHITESPACE;

        String encode(byte[] bytes) {
            return switch (this) {
                case PLAIN -> BASE64URL.encodeToString(bytes);
                case PADDED -> Base64.getUrlEncoder().encodeToString(bytes);
                case STANDARD_ALPHABET -> Base64.getEncoder().withoutPadding().encodeToString(bytes);
                case WHITESPACE -> {
                    String encoded = BASE64URL.encodeToString(bytes);
                    yield encoded.substring(0, encoded.length() / 2) + " \n" + encoded.substring(encoded.length() / 2);
                }
            };
        }
    }

    private static String sign(String signingInput, EmulatorKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.rsaKey().toRSAPrivateKey());
            signature.update(signingInput.getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Mutation> mutations() {
        long now = CLOCK.instant().getEpochSecond();
        List<String> numbers = List.of("0", "-0", "-0.0", "1e3", "1E3", "1.0", "-1", "1.5", "1e400", "-1e400",
                "9223372036854775807", "9223372036854775808", "99999999999999999999999", "253402300799", "253402300800",
                "-253402300800", "1e-400", "0.000001", "\"1\"", "null", "true", "[1]", "{}",
                now + "", now + ".0", now + ".999", now + "e0", (now * 10) + "e-1", (now - 30) + "", (now - 31) + "",
                (now + 29) + "", (now + 30) + "", (now + 31) + "", (now + 300) + ".5", (now + 3600) + "");
        List<String> timestamps = List.of("+292278995-01-01T00:00:00Z", "-292278995-01-01T00:00:00Z",
                "+1000000000-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "2026-06-01T12:00:00Z", "2026-06-01T11:59:00Z", "2026-06-01t13:00:00z", "2026-06-01T13:00:00+01:00",
                "2026-06-01T13:00:00.123456789Z", "2026-02-30T00:00:00Z", "not a time", "");
        List<byte[]> strangeBytes = List.of(hex("C1A1"), hex("E081A1"), hex("F08081A1"), hex("C0AF"), hex("EDA080"),
                hex("EDBFBF"), hex("F4908080"), hex("F5808080"), hex("80"), hex("C3"), hex("E282"), hex("FE"), hex("FF"),
                hex("C3A9"), hex("E282AC"), hex("F09F9880"), hex("EFBBBF"), hex("00"), hex("0A"), hex("7F"));
        List<String> escapes = List.of("\\u0061", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\/", "\\u0000", "\\x61", "\\'",
                "\\U0061", "\\u00", "\\");
        List<String> headerValues = List.of("\"RS256\"", "\"rs256\"", "\"RS256 \"", "\"none\"", "\"HS256\"", "\"PS256\"",
                "\"RS384\"", "\"JWT\"", "\"jwt\"", "\"JWT \"", "\"at+jwt\"", "\"application/jwt\"", "\"JOSE\"", "null", "1",
                "true", "[]", "{}", "[\"exp\"]", "\"" + signingKey.kid() + "\"", "\"" + unpublishedKey.kid() + "\"",
                "\"\"", "\"https://evil.example/\"", "false");
        List<String> headerNames = List.of("alg", "typ", "kid", "crit", "jku", "x5u", "jwk", "x5c", "b64", "zip", "cty",
                "enc", "x5t", "x5t#S256", "other");
        List<String> claimNames = List.of("sub", "exp", "nbf", "iat", "iss", "aud", "jti", "scope", SESSION_CLAIM,
                "https://stytch.com/organization", "tier", "team");
        List<String> charsets = List.of("UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE");
        String flipAlphabet = "AZaz09-_.=+/ \n\t~%\"{}é\u0000\u00ff\u2028";

        List<Mutation> all = new ArrayList<>();
        all.add(new Mutation("time claim number", (random, token) -> token.payload(utf8(token.payloadText()
                .replaceFirst("\"(" + pick(random, List.of("exp", "nbf", "iat")) + ")\":-?[0-9.eE+]+",
                        "\"$1\":" + pick(random, numbers))))));
        all.add(new Mutation("sub number", (random, token) -> token.payload(utf8(token.payloadText()
                .replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":" + pick(random, numbers))))));
        all.add(new Mutation("session expires_at", (random, token) -> token.payload(utf8(token.payloadText()
                .replaceFirst("\"expires_at\":\"[^\"]*\"", "\"expires_at\":\"" + pick(random, timestamps) + "\"")))));
        all.add(new Mutation("duplicate claim", (random, token) -> {
            String text = token.payloadText();
            String name = pick(random, claimNames);
            String value = pick(random, List.of("\"x\"", "1", "null", "[\"" + name + "\"]", "{}", pick(random, numbers)));
            return token.payload(utf8(withoutLast(text) + ",\"" + name + "\":" + value + "}"));
        }));
        all.add(new Mutation("duplicate nested name", (random, token) -> token.payload(utf8(token.payloadText()
                .replaceFirst("\"id\":", "\"id\":\"other\",\"id\":").replaceFirst("\"roles\":", "\"roles\":[\"admin\"],\"roles\":")))));
        all.add(new Mutation("claim removed", (random, token) -> token.payload(utf8(token.payloadText()
                .replaceFirst("\"" + pick(random, claimNames).replace("/", "\\/") + "\":", "\"removed\":")))));
        all.add(new Mutation("audience or issuer changed", (random, token) -> token.payload(utf8(token.payloadText()
                .replaceFirst(pick(random, List.of("\"aud\":\\[[^]]*]", "\"iss\":\"[^\"]*\"")),
                        pick(random, List.of("\"aud\":\"" + emulator.projectId() + "\"", "\"aud\":[]", "\"aud\":[\"x\","
                                + "\"" + emulator.projectId() + "\"]", "\"aud\":[" + emulator.projectId().length() + "]",
                                "\"iss\":\"" + emulator.issuer() + "/\"", "\"iss\":\"" + emulator.issuer().toUpperCase() + "\"",
                                "\"iss\":null", "\"aud\":null")))))));
        all.add(new Mutation("strange bytes in a string", (random, token) -> {
            byte[] payload = token.payload();
            int quote = nthQuote(payload, random);
            return quote < 0 ? token : token.payload(splice(payload, quote + 1, 0, pick(random, strangeBytes)));
        }));
        all.add(new Mutation("strange bytes replace a character", (random, token) -> {
            byte[] payload = token.payload();
            int quote = nthQuote(payload, random);
            return quote < 0 || quote + 2 >= payload.length ? token
                    : token.payload(splice(payload, quote + 1, 1, pick(random, strangeBytes)));
        }));
        all.add(new Mutation("escape in a string", (random, token) -> {
            byte[] payload = token.payload();
            int quote = nthQuote(payload, random);
            return quote < 0 ? token : token.payload(splice(payload, quote + 1, 0, utf8(pick(random, escapes))));
        }));
        all.add(new Mutation("byte order mark", (random, token) -> random.nextBoolean()
                ? token.payload(splice(token.payload(), 0, 0, hex("EFBBBF")))
                : token.header(splice(token.header(), 0, 0, hex("EFBBBF")))));
        all.add(new Mutation("UTF-16 or UTF-32", (random, token) -> {
            Charset charset = Charset.forName(pick(random, charsets));
            return random.nextBoolean() ? token.payload(token.payloadText().getBytes(charset))
                    : token.header(token.headerText().getBytes(charset));
        }));
        all.add(new Mutation("JSON whitespace", (random, token) -> token.payload(utf8(token.payloadText()
                .replace(":", pick(random, List.of(" : ", ":\n", "\t:\r\n"))).replace(",", ", ")))));
        all.add(new Mutation("JSON around the object", (random, token) -> token.payload(utf8(
                pick(random, List.of(" ", "\n", "", "[", "/*c*/", "\u00a0")) + token.payloadText()
                        + pick(random, List.of(" ", "\n", "", "]", "{}", ",", "//c", "\u0000", "null"))))));
        all.add(new Mutation("JSON syntax", (random, token) -> token.payload(utf8(token.payloadText()
                .replaceFirst(pick(random, List.of("\"tier\"", "\"team\"", ",", "\\}$", "\":\"", "\\[")),
                        pick(random, List.of("tier", "'team'", ",,", ",}", "\":'", "[,", "\":NaN,\"", "\":Infinity,\""))
                                .replace("$", "\\$"))))));
        all.add(new Mutation("header member set", (random, token) -> {
            String name = pick(random, headerNames);
            String text = token.headerText().replaceFirst(",?\"" + name + "\":(\"[^\"]*\"|[^,}]*)", "");
            String member = "\"" + name + "\":" + pick(random, headerValues);
            return token.header(utf8(text.length() < 2 || text.startsWith("{}") ? "{" + member + "}"
                    : "{" + member + "," + text.substring(1)));
        }));
        all.add(new Mutation("header member duplicated", (random, token) -> {
            String text = token.headerText();
            return token.header(utf8(withoutLast(text) + ",\"" + pick(random, headerNames) + "\":"
                    + pick(random, headerValues) + "}"));
        }));
        all.add(new Mutation("header not an object", (random, token) -> token.header(utf8(pick(random,
                List.of("[]", "null", "\"RS256\"", "{", "{\"alg\":\"RS256\"}", "", "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\""
                        + signingKey.kid() + "\"}{}"))))));
        all.add(new Mutation("signed by an unpublished key", (random, token) ->
                token.signature(sign(token.signingInput(), unpublishedKey))));
        all.add(new Mutation("base64 variant", (random, token) -> token.encoding(pick(random, List.of(Encoding.values())))));
        all.add(new Mutation("signature padded or cut", (random, token) -> {
            String signature = sign(token.signingInput(), signingKey);
            return token.signature(pick(random, List.of(signature + "=", signature + "==", signature.substring(1),
                    signature.substring(0, signature.length() - 1), "", signature + "A",
                    Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(signature)))));
        }));
        all.add(new Mutation("parts added", (random, token) -> token.tail(pick(random,
                List.of(".", "..", ".e30", " ", "\n", "=")))));
        all.add(new Mutation("byte flip", (random, token) -> {
            String compact = token.serialize();
            int index = random.nextInt(compact.length());
            char replacement = flipAlphabet.charAt(random.nextInt(flipAlphabet.length()));
            return Token.raw(compact.substring(0, index) + replacement + compact.substring(index + 1));
        }));
        return all;
    }

    private static int nthQuote(byte[] json, Random random) {
        List<Integer> quotes = new ArrayList<>();
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '"') {
                quotes.add(i);
            }
        }
        return quotes.isEmpty() ? -1 : quotes.get(random.nextInt(quotes.size()));
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(insert);
        out.write(bytes, at + remove, bytes.length - at - remove);
        return out.toByteArray();
    }

    private static String withoutLast(String text) {
        return text.isEmpty() ? "{" : text.substring(0, text.length() - 1);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
