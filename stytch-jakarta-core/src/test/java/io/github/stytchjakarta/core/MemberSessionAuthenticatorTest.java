package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.stytchjakarta.core.AuthenticatedSession.VerifiedBy;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.SessionCredential.SessionToken;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedFactors;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.IssuerStyle;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** B2B member sessions, with an emulator issuing tokens under its base URL (custom-domain style). */
class MemberSessionAuthenticatorTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(
            builder -> builder.clock(CLOCK).issuerStyle(IssuerStyle.BASE_URL));

    private StytchEmulator emulator;
    private Stytch stytch;
    private EmulatedOrganization organization;
    private EmulatedMember member;
    private EmulatedSession session;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        stytch = Stytch.builder(EmulatorConfigs.b2b(emulator)).clock(CLOCK).build();
        organization = emulator.createOrganization(o -> o.name("Acme"));
        member = emulator.createMember(organization, m -> m.email("alice@acme.test").roles("editor"));
        session = emulator.createMemberSession(member, s -> s.duration(Duration.ofMinutes(30)).customClaim("team", "red")
                .factor(EmulatedFactors.samlSso("saml-connection-test-1", "alice")));
    }

    @AfterEach
    void tearDown() {
        stytch.close();
    }

    @Test
    void authenticateWhenMemberJwtThenMemberWithOrganizationAndRoles() {
        AuthenticatedSession result = stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt()));

        assertThat(result.verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        assertThat(result.principal()).isInstanceOfSatisfying(StytchMember.class, principal -> {
            assertThat(principal.getName()).isEqualTo(member.memberId());
            assertThat(principal.organizationId()).isEqualTo(organization.organizationId());
            assertThat(principal.organizationSlug()).isEqualTo(organization.slug());
            assertThat(principal.sessionId()).isEqualTo(session.sessionId());
            assertThat(principal.roles()).containsExactlyInAnyOrder("stytch_member", "editor");
            assertThat(principal.hasRole("editor")).isTrue();
            assertThat(principal.session().customClaims()).isEqualTo(Map.of("team", "red"));
            assertThat(principal.session().authenticationFactors()).singleElement()
                    .satisfies(factor -> assertThat(factor.type()).isEqualTo("sso"));
            assertThat(principal.sessionExpiresAt()).isEqualTo(session.expiresAt());
        });
    }

    @Test
    void authenticateWhenExpiredMemberJwtThenRefreshedRemotely() {
        AuthenticatedSession result = stytch.authenticator().authenticate(new SessionJwt(emulator.tokens().jwt(session).expired().mint()));

        assertThat(result.verifiedBy()).isEqualTo(VerifiedBy.REMOTE);
        assertThat(result.refreshedJwt()).isPresent();
        assertThat(result.principal()).isInstanceOfSatisfying(StytchMember.class, principal -> {
            assertThat(principal.organizationSlug()).isEqualTo(organization.slug());
            assertThat(principal.roles()).contains("stytch_member", "editor");
        });
        assertThat(emulator.requestLog().requests("/v1/b2b/sessions/authenticate")).hasSize(1);
    }

    @Test
    void authenticateWhenMemberSessionTokenThenRemoteMember() {
        AuthenticatedSession result = stytch.authenticator().authenticate(new SessionToken(session.sessionToken()));

        assertThat(result.principal()).isInstanceOfSatisfying(StytchMember.class,
                principal -> assertThat(principal.memberId()).isEqualTo(member.memberId()));
    }

    @Test
    void authenticateWhenConsumerJwtGivenToB2bProjectThenMissingClaim() {
        EmulatedSession consumerSession = emulator.createSession(emulator.createUser(u -> u.email("bob@example.com")), s -> { });

        assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> stytch.authenticator().authenticate(new SessionJwt(consumerSession.sessionJwt())))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_CLAIM));
    }

    @Test
    void authenticateWhenIssuerIsStytchStyleThenAlsoAccepted() {
        String stytchIssued = emulator.tokens().jwt(session).issuer("stytch.com/" + emulator.projectId()).mint();

        assertThat(stytch.authenticator().authenticate(new SessionJwt(stytchIssued)).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
    }
}
