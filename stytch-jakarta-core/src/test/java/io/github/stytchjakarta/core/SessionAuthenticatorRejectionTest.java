package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.SessionCredential.SessionToken;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatorKey;
import io.github.stytchjakarta.testkit.HostileTokens;
import io.github.stytchjakarta.testkit.JwtMinter;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens that must be rejected locally, finally, and without any network call (RFC 8725 and garbage):
 * the keys are fetched once before each test and the emulator's request log must then stay empty.
 */
class SessionAuthenticatorRejectionTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final String SESSION_CLAIM = "https://stytch.com/session";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchEmulator emulator;
    private static Stytch stytch;
    private static EmulatedSession session;
    private static EmulatorKey attackerKey;

    @BeforeAll
    static void setUpAll() {
        emulator = STYTCH.emulator();
        stytch = Stytch.builder(EmulatorConfigs.consumer(emulator)).clock(CLOCK).build();
        session = emulator.createSession(emulator.createUser(u -> u.email("eve@example.com")), s -> { });
        attackerKey = emulator.keys().generateUnpublished();
    }

    @AfterAll
    static void tearDownAll() {
        stytch.close();
    }

    @BeforeEach
    void warmUp() {
        stytch.authenticator()
                .authenticate(new SessionJwt(emulator.tokens().jwt(session).issuedAt(CLOCK.instant().minusSeconds(1)).mint()));
        emulator.requestLog().clear();
    }

    static Stream<Arguments> hostileTokens() {
        return Stream.of(
                hostile("alg none", jwt -> HostileTokens.algNone(jwt.mint()), Reason.UNSUPPORTED_ALGORITHM),
                hostile("HS256 keyed with the RSA public key",
                        jwt -> HostileTokens.hs256WithPublicKey(jwt.mint(), emulator.keys().signingKey().publicJwk()),
                        Reason.UNSUPPORTED_ALGORITHM),
                hostile("alg RS512 claimed", jwt -> jwt.header("alg", "RS512").mint(), Reason.UNSUPPORTED_ALGORITHM),
                hostile("JWE", jwt -> HostileTokens.jwe(jwt.mint(), emulator.keys().signingKey().publicJwk()),
                        Reason.UNSUPPORTED_ALGORITHM),
                hostile("jku pointing elsewhere", jwt -> jwt.signedWith(attackerKey)
                        .header("jku", "https://evil.example/jwks.json").mint(), Reason.UNSUPPORTED_HEADER),
                hostile("x5u pointing elsewhere", jwt -> jwt.signedWith(attackerKey)
                        .header("x5u", "https://evil.example/cert.pem").mint(), Reason.UNSUPPORTED_HEADER),
                hostile("embedded jwk", jwt -> jwt.signedWith(attackerKey)
                        .header("jwk", attackerKey.publicJwk().toJSONObject()).mint(), Reason.UNSUPPORTED_HEADER),
                hostile("crit header", jwt -> jwt.header("crit", List.of("exp")).mint(), Reason.UNSUPPORTED_HEADER),
                hostile("typ at+jwt", jwt -> jwt.type(new JOSEObjectType("at+jwt")).mint(), Reason.WRONG_TYPE),
                hostile("no typ", jwt -> jwt.type(null).mint(), Reason.WRONG_TYPE),
                hostile("no kid", jwt -> jwt.header("kid", null).mint(), Reason.UNKNOWN_KEY),
                hostile("wrong issuer", jwt -> jwt.issuer("stytch.com/project-test-someone-else").mint(), Reason.WRONG_ISSUER),
                hostile("issuer with trailing slash", jwt -> jwt.issuer(emulator.issuer() + "/").mint(), Reason.WRONG_ISSUER),
                hostile("wrong audience", jwt -> jwt.audience("project-test-someone-else").mint(), Reason.WRONG_AUDIENCE),
                hostile("no audience", jwt -> jwt.removeClaim("aud").mint(), Reason.WRONG_AUDIENCE),
                hostile("nbf in the future", jwt -> jwt.notBefore(CLOCK.instant().plus(Duration.ofMinutes(2))).mint(),
                        Reason.NOT_YET_VALID),
                hostile("iat in the future", jwt -> jwt.issuedAt(CLOCK.instant().plus(Duration.ofMinutes(2))).mint(),
                        Reason.NOT_YET_VALID),
                hostile("tampered signature", jwt -> HostileTokens.tamperedSignature(jwt.mint()), Reason.BAD_SIGNATURE),
                hostile("signed by another key under the published kid",
                        jwt -> jwt.signedWith(attackerKey).keyId(emulator.keys().signingKey().kid()).mint(),
                        Reason.BAD_SIGNATURE),
                hostile("expired and signed by another key under the published kid",
                        jwt -> jwt.expired().signedWith(attackerKey).keyId(emulator.keys().signingKey().kid()).mint(),
                        Reason.BAD_SIGNATURE),
                hostile("payload swapped under a genuine signature",
                        jwt -> HostileTokens.swappedPayload(jwt.mint(), jwt.subject("user-test-victim").mint()),
                        Reason.BAD_SIGNATURE),
                hostile("no session claim", jwt -> jwt.removeClaim(SESSION_CLAIM).mint(), Reason.WRONG_TOKEN_KIND),
                hostile("no sub", jwt -> jwt.removeClaim("sub").mint(), Reason.MISSING_CLAIM),
                hostile("no exp", jwt -> jwt.removeClaim("exp").mint(), Reason.MISSING_CLAIM),
                hostile("exp of the wrong type", jwt -> jwt.claim("exp", "tomorrow").mint(), Reason.MALFORMED),
                hostile("session claim of the wrong type", jwt -> jwt.claim(SESSION_CLAIM, "yes").mint(), Reason.MISSING_CLAIM),
                hostile("session already expired", jwt -> jwt.claim(SESSION_CLAIM,
                        sessionClaimExpiringAt(jwt, CLOCK.instant().minus(Duration.ofMinutes(1)))).mint(),
                        Reason.SESSION_EXPIRED),
                hostile("expired JWT of an expired session", jwt -> jwt.expired().claim(SESSION_CLAIM,
                        sessionClaimExpiringAt(jwt, CLOCK.instant().minus(Duration.ofMinutes(5)))).mint(),
                        Reason.SESSION_EXPIRED),
                hostile("M2M access token", jwt -> emulator.tokens().m2mToken(emulator.createM2mClient(c -> c.scopes("read:users")))
                        .mint(), Reason.WRONG_TOKEN_KIND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void authenticateWhenHostileJwtThenRejectedLocallyWithoutNetworkCall(String name, Function<JwtMinter, String> forge,
                                                                       Reason reason) {
        String token = forge.apply(emulator.tokens().jwt(session));

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(token)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(reason))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        assertThat(emulator.requestLog().requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "a.b", "a.b.c", "..", "a..c", "....", "a.b.c.d", "%%%.%%%.%%%",
            "eyJhbGciOiJSUzI1NiJ9", "eyJhbGciOiJSUzI1NiJ9.e30", "W10.e30.c2ln", "bnVsbA.e30.c2ln",
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsifQ.bnVsbA.c2ln",
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsifQ.bm90IGpzb24.c2ln",
            "eyJhbGciOjQyfQ.e30.c2ln", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "eyJhbGciOiJSUzI1NiJ9é.e30.c2ln"})
    void authenticateWhenGarbageThenMalformedWithoutNetworkCall(String garbage) {
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(garbage)))
                .satisfies(e -> assertThat(e.reason()).isIn(Reason.MALFORMED, Reason.WRONG_TYPE));
        assertThat(emulator.requestLog().requests()).isEmpty();
    }

    @Test
    void authenticateWhenHugeTokenThenMalformedWithoutParsing() {
        String huge = "eyJhbGciOiJSUzI1NiJ9." + "A".repeat(100_000) + ".c2ln";

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(huge)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void authenticateWhenDeeplyNestedHeaderThenMalformed() {
        String header = Base64URL.encode("[".repeat(5_000) + "]".repeat(5_000)).toString();

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(header + ".e30.c2ln")))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a token", "a.b.c", "tooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo"
            + "ooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooong"})
    void authenticateWhenImplausibleSessionTokenThenMalformedWithoutNetworkCall(String token) {
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionToken(token)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        assertThat(emulator.requestLog().requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+292278995-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z", "-292278995-01-01T00:00:00Z"})
    void authenticateWhenSessionExpiryOutOfRangeThenMalformedWithoutNetworkCall(String expiresAt) {
        JwtMinter jwt = emulator.tokens().jwt(session);
        String token = jwt.claim(SESSION_CLAIM, sessionClaimExpiringAt(jwt, Instant.parse(expiresAt))).mint();

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(token)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        assertThat(emulator.requestLog().requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"b64", "cty", "x5t", "x5t#S256"})
    void authenticateWhenHeaderStytchNeverSetsThenUnsupportedHeader(String name) {
        String token = emulator.tokens().jwt(session).header(name, name.equals("b64") ? Boolean.FALSE : "JWT").mint();

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(token)))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_HEADER));
        assertThat(emulator.requestLog().requests()).isEmpty();
    }

    private static Arguments hostile(String name, Function<JwtMinter, String> forge, Reason reason) {
        return Arguments.of(name, forge, reason);
    }

    private static Map<String, Object> sessionClaimExpiringAt(JwtMinter jwt, Instant expiresAt) {
        try {
            Map<String, Object> claim = new LinkedHashMap<>(SignedJWT.parse(emulator.tokens().jwt(session).mint())
                    .getJWTClaimsSet().getJSONObjectClaim(SESSION_CLAIM));
            claim.put("expires_at", expiresAt.toString());
            return claim;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
