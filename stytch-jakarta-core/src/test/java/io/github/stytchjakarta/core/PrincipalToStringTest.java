package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.SessionCredential.SessionToken;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedFactors;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Principals and what they reach print ids only: they end up in logs, personal data must not. */
class PrincipalToStringTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static final List<String> PERSONAL = List.of("ada@example.test", "+15550100", "203.0.113.7",
            "Mozilla/5.0 (Ada)", "ada-google-subject", "secret-team", "Ada Lovelace");

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    @Test
    void toStringWhenUserSessionWithFactorsAttributesAndClaimsThenIdsOnly() {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatedUser user = emulator.createUser(u -> u.email("ada@example.test").name("Ada Lovelace"));
        EmulatedSession session = emulator.createSession(user, s -> s.attributes("203.0.113.7", "Mozilla/5.0 (Ada)")
                .customClaim("team", "secret-team").factor(EmulatedFactors.emailMagicLink("ada@example.test"))
                .factor(EmulatedFactors.smsOtp("+15550100")).factor(EmulatedFactors.googleOAuth("ada-google-subject")));

        try (Stytch stytch = Stytch.builder(EmulatorConfigs.consumer(emulator)).clock(CLOCK).build()) {
            AuthenticatedSession remote = stytch.authenticator().authenticate(new SessionToken(session.sessionToken()));
            AuthenticatedSession local = stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt()));
            StytchUser principal = (StytchUser) remote.principal();

            assertThat(principal.session().attributes().ipAddress()).isEqualTo("203.0.113.7");
            assertThat(principal.session().authenticationFactors()).hasSize(3);
            for (Object printed : List.of(principal, principal.session(), principal.session().attributes(), remote, local,
                    principal.session().authenticationFactors())) {
                assertThat(printed.toString()).doesNotContain(PERSONAL);
            }
            assertThat(principal.toString()).contains(user.userId(), session.sessionId());
            assertThat(local.toString()).contains(user.userId(), session.sessionId());
        }
    }

    @Test
    void toStringWhenMemberSessionThenMemberSessionAndOrganizationIdsOnly() {
        StytchEmulator emulator = STYTCH.emulator();
        EmulatedOrganization organization = emulator.createOrganization(o -> o.name("Acme"));
        EmulatedMember member = emulator.createMember(organization, m -> m.email("ada@example.test").name("Ada Lovelace"));
        EmulatedSession session = emulator.createMemberSession(member, s -> s.customClaim("team", "secret-team")
                .factor(EmulatedFactors.emailOtp("ada@example.test")));

        try (Stytch stytch = Stytch.builder(EmulatorConfigs.b2b(emulator)).clock(CLOCK).build()) {
            AuthenticatedSession result = stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt()));
            StytchMember principal = (StytchMember) result.principal();

            assertThat(principal.session().authenticationFactors()).isNotEmpty();
            for (Object printed : List.of(principal, principal.session(), result)) {
                assertThat(printed.toString()).doesNotContain(PERSONAL)
                        .contains(member.memberId(), session.sessionId(), organization.organizationId());
            }
        }
    }
}
