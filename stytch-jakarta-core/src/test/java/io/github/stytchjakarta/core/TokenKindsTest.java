package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.AuthenticatedSession.VerifiedBy;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.EmulatorKey;
import io.github.stytchjakarta.testkit.HostileTokens;
import io.github.stytchjakarta.testkit.LogCapture;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stytch signs session JWTs, M2M access tokens, Connected-App access tokens and ID tokens with the same keys and
 * issuer (and all but the ID token for the same audience): each is accepted only where its kind is expected
 * (docs/adr-007-token-kinds.md), and refused locally, finally, without a call to Stytch.
 */
class TokenKindsTest {

    private static final String AUDIENCE_LOGGER = "io.github.stytchjakarta.core.internal.jwt.AudienceValidator";

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private static StytchEmulator emulator;
    private static Stytch consumer;
    private static Stytch b2b;
    private static EmulatedUser user;
    private static EmulatedSession session;
    private static EmulatedMember member;
    private static EmulatedSession memberSession;
    private static EmulatedM2mClient client;

    @BeforeAll
    static void setUpAll() {
        emulator = STYTCH.emulator();
        consumer = Stytch.create(EmulatorConfigs.consumer(emulator));
        b2b = Stytch.create(EmulatorConfigs.b2b(emulator));
        user = emulator.createUser(u -> u.email("ada@example.com").name("Ada Lovelace"));
        session = emulator.createSession(user, s -> { });
        member = emulator.createMember(emulator.createOrganization(o -> { }), m -> { });
        memberSession = emulator.createMemberSession(member, s -> { });
        client = emulator.createM2mClient(c -> c.scopes("read:users", "openid").customClaim("tenant", "acme"));
        // the keys are fetched once here, so that a refusal below can show it cost no call
        consumer.authenticator().authenticate(new SessionJwt(session.sessionJwt()));
        b2b.authenticator().authenticate(new SessionJwt(memberSession.sessionJwt()));
    }

    @AfterAll
    static void tearDownAll() {
        consumer.close();
        b2b.close();
    }

    @BeforeEach
    void clearRequests() {
        emulator.requestLog().clear();
    }

    static Stream<Arguments> notConsumerSessionJwts() {
        return Stream.of(
                token("M2M access token", () -> emulator.tokens().m2mToken(client).mint()),
                token("Connected-App access token", () -> emulator.tokens().connectedAppToken(user).mint()),
                token("ID token", () -> emulator.tokens().idToken(user).mint()),
                token("ID token addressed to the project",
                        () -> HostileTokens.readdressed(emulator.tokens().idToken(user).mint(), signingKey(), emulator.projectId())));
    }

    static Stream<Arguments> notMemberSessionJwts() {
        return Stream.of(
                token("M2M access token", () -> emulator.tokens().m2mToken(client).mint()),
                token("member's Connected-App access token (with the organization claim)",
                        () -> emulator.tokens().connectedAppToken(member).mint()),
                token("member's ID token addressed to the project",
                        () -> HostileTokens.readdressed(emulator.tokens().idToken(member).mint(), signingKey(), emulator.projectId())));
    }

    static Stream<Arguments> notM2mTokens() {
        return Stream.of(
                token("session JWT", () -> session.sessionJwt()),
                token("member session JWT", () -> memberSession.sessionJwt()),
                token("Connected-App access token", () -> emulator.tokens().connectedAppToken(user).scopes("read:users").mint()),
                token("member's Connected-App access token", () -> emulator.tokens().connectedAppToken(member).mint()),
                token("Connected-App access token without client_id",
                        () -> HostileTokens.relabelledAsM2m(emulator.tokens().connectedAppToken(user).mint(), signingKey())),
                token("member's Connected-App access token without client_id and organization claim",
                        () -> HostileTokens.relabelledAsM2m(emulator.tokens().connectedAppToken(member).mint(), signingKey())),
                token("session JWT re-labelled as M2M",
                        () -> HostileTokens.relabelledAsM2m(session.sessionJwt(), signingKey())),
                token("ID token", () -> emulator.tokens().idToken(user).mint()),
                token("ID token addressed to the project",
                        () -> HostileTokens.readdressed(emulator.tokens().idToken(user).mint(), signingKey(), emulator.projectId())),
                token("M2M access token with the organization claim", () -> emulator.tokens().m2mToken(client)
                        .claim("https://stytch.com/organization", Map.of("organization_id", member.organizationId())).mint()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notConsumerSessionJwts")
    void authenticateWhenConsumerGivenTokenOfAnotherKindThenWrongTokenKindWithoutCall(String name, Supplier<String> token) {
        assertWrongKindWithoutCall(() -> consumer.authenticator().authenticate(new SessionJwt(token.get())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notMemberSessionJwts")
    void authenticateWhenB2bGivenTokenOfAnotherKindThenWrongTokenKindWithoutCall(String name, Supplier<String> token) {
        assertWrongKindWithoutCall(() -> b2b.authenticator().authenticate(new SessionJwt(token.get())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notM2mTokens")
    void verifyWhenTokenOfAnotherKindThenWrongTokenKindWithoutCall(String name, Supplier<String> token) {
        assertWrongKindWithoutCall(() -> consumer.m2mVerifier().verify(token.get()));
    }

    @Test
    void authenticateWhenExpiredConnectedAppTokenThenWrongTokenKindNotAskingStytch() {
        String expired = emulator.tokens().connectedAppToken(user).expired().mint();

        assertWrongKindWithoutCall(() -> consumer.authenticator().authenticate(new SessionJwt(expired)));
    }

    @Test
    void verifyWhenIdTokenThenNoAudienceWarningAsTheConfigurationIsNotToBlame() {
        assertWrongKindWithoutCall(() -> consumer.m2mVerifier().verify(emulator.tokens().idToken(user).mint()));

        assertThat(log.messages(Level.WARNING, AUDIENCE_LOGGER)).isEmpty();
    }

    @Test
    void authenticateWhenGenuineSessionJwtsThenAcceptedEvenWithCustomClaimsNamedLikeOtherKinds() {
        EmulatedSession withClaims = emulator.createSession(user, s -> s.customClaim("scope", "read:users")
                .customClaim("client_id", "app-chosen"));

        assertThat(consumer.authenticator().authenticate(new SessionJwt(session.sessionJwt())).principal().getName())
                .isEqualTo(user.userId());
        assertThat(consumer.authenticator().authenticate(new SessionJwt(withClaims.sessionJwt())).verifiedBy())
                .isEqualTo(VerifiedBy.LOCAL);
        assertThat(b2b.authenticator().authenticate(new SessionJwt(memberSession.sessionJwt())).principal().getName())
                .isEqualTo(member.memberId());
    }

    @Test
    void verifyWhenGenuineM2mTokensThenAcceptedInEitherVertical() {
        M2mCaller verified = consumer.m2mVerifier().verify(emulator.tokens().m2mToken(client).mint(), "read:users");
        M2mCaller inB2b = b2b.m2mVerifier().verify(emulator.tokens().m2mToken(client).mint(), "read:users");
        M2mCaller chosenId = consumer.m2mVerifier().verify(emulator.tokens().m2mToken(client).subject("billing-service").mint());

        assertThat(verified.clientId()).isEqualTo(client.clientId());
        assertThat(verified.customClaims()).isEqualTo(Map.of("tenant", "acme"));
        assertThat(inB2b.clientId()).isEqualTo(client.clientId());
        assertThat(chosenId.clientId()).isEqualTo("billing-service");
    }

    private static void assertWrongKindWithoutCall(Runnable verification) {
        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(verification::run)
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TOKEN_KIND));
        assertThat(emulator.requestLog().requests()).isEmpty();
    }

    private static Arguments token(String name, Supplier<String> token) {
        return Arguments.of(name, token);
    }

    private static EmulatorKey signingKey() {
        return emulator.keys().signingKey();
    }
}
