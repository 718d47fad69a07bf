package io.github.stytchjakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.AuthenticatedSession.VerifiedBy;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.SessionCredential.SessionToken;
import io.github.stytchjakarta.core.support.EmulatorConfigs;
import io.github.stytchjakarta.testkit.EmulatedFactors;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.RecordedRequest;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Local verification of consumer session JWTs against the emulator's JWKS. */
class SessionAuthenticatorTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private StytchEmulator emulator;
    private Stytch stytch;
    private EmulatedUser user;
    private EmulatedSession session;

    @BeforeEach
    void setUp() {
        emulator = STYTCH.emulator();
        stytch = Stytch.builder(EmulatorConfigs.consumer(emulator)).clock(CLOCK).build();
        user = emulator.createUser(u -> u.email("ada@example.com").name("Ada Lovelace").roles("editor"));
        session = emulator.createSession(user, s -> s.duration(Duration.ofHours(1)).customClaim("tier", "gold")
                .factor(EmulatedFactors.emailMagicLink("ada@example.com")).attributes("203.0.113.7", "Mozilla/5.0"));
    }

    @AfterEach
    void tearDown() {
        stytch.close();
    }

    @Test
    void authenticateWhenValidJwtThenVerifiedLocallyWithEverySessionClaim() {
        AuthenticatedSession result = stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt()));

        assertThat(result.verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        assertThat(result.refreshedJwt()).isEmpty();
        assertThat(result.principal()).isInstanceOfSatisfying(StytchUser.class, principal -> {
            assertThat(principal.getName()).isEqualTo(user.userId());
            assertThat(principal.sessionId()).isEqualTo(session.sessionId());
            assertThat(principal.roles()).containsExactlyInAnyOrder("stytch_user", "editor");
            assertThat(principal.sessionExpiresAt()).isEqualTo(session.expiresAt());
            StytchSession claims = principal.session();
            assertThat(claims.startedAt()).isEqualTo(session.startedAt());
            assertThat(claims.attributes()).isEqualTo(new SessionAttributes("203.0.113.7", "Mozilla/5.0"));
            assertThat(claims.customClaims()).isEqualTo(Map.of("tier", "gold"));
            assertThat(claims.authenticationFactors()).singleElement().satisfies(factor -> {
                assertThat(factor.type()).isEqualTo("magic_link");
                assertThat(factor.deliveryMethod()).isEqualTo("email");
                assertThat(factor.lastAuthenticatedAt()).isNotNull();
                assertThat(factor.createdAt()).isNotNull();
                assertThat(factor.updatedAt()).isNotNull();
                assertThat(factor.details()).containsKey("email_factor");
            });
        });
        assertThat(emulator.requestLog().requests("/v1/sessions/authenticate")).isEmpty();
    }

    @Test
    void authenticateWhenSameJwtAgainThenServedFromCache() {
        String jwt = session.sessionJwt();
        AuthenticatedSession first = stytch.authenticator().authenticate(new SessionJwt(jwt));

        AuthenticatedSession second = stytch.authenticator().authenticate(new SessionJwt(jwt));

        assertThat(second.verifiedBy()).isEqualTo(VerifiedBy.CACHE);
        assertThat(second.principal()).isEqualTo(first.principal());
    }

    @Test
    void authenticateWhenCacheDisabledThenEveryCallVerifiesLocally() {
        try (Stytch uncached = Stytch.builder(EmulatorConfigs.builder(emulator, Vertical.CONSUMER).cacheMaxEntries(0)
                .build()).clock(CLOCK).build()) {
            String jwt = session.sessionJwt();
            uncached.authenticator().authenticate(new SessionJwt(jwt));

            assertThat(uncached.authenticator().authenticate(new SessionJwt(jwt)).verifiedBy()).isEqualTo(VerifiedBy.LOCAL);
        }
    }

    @Test
    void authenticateWhenCachedJwtExpiresThenNoLongerServedFromCache() {
        String jwt = session.sessionJwt();
        stytch.authenticator().authenticate(new SessionJwt(jwt));
        CLOCK.advance(Duration.ofMinutes(5).plus(StytchConfig.DEFAULT_CLOCK_SKEW));

        AuthenticatedSession afterExpiry = stytch.authenticator().authenticate(new SessionJwt(jwt));

        assertThat(afterExpiry.verifiedBy()).isEqualTo(VerifiedBy.REMOTE);
        assertThat(afterExpiry.refreshedJwt()).isPresent();
    }

    @Test
    void authenticateWhenJwtOrTokenOfOneSessionThenSamePrincipalType() {
        StytchUser local = (StytchUser) stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt())).principal();

        StytchUser remote = (StytchUser) stytch.authenticator().authenticate(new SessionToken(session.sessionToken())).principal();

        assertThat(remote.userId()).isEqualTo(local.userId());
        assertThat(remote.session().sessionId()).isEqualTo(local.session().sessionId());
        assertThat(remote.session().roles()).isEqualTo(local.session().roles());
        assertThat(remote.session().customClaims()).isEqualTo(local.session().customClaims());
        assertThat(remote.session().attributes()).isEqualTo(local.session().attributes());
        assertThat(remote.session().authenticationFactors()).isEqualTo(local.session().authenticationFactors());
        assertThat(remote.session().expiresAt()).isEqualTo(local.session().expiresAt());
    }

    @Test
    void authenticateWhenKeysFetchedThenJwksRequestedAnonymouslyWithLibraryUserAgent() {
        stytch.authenticator().authenticate(new SessionJwt(session.sessionJwt()));

        List<RecordedRequest> fetches = emulator.requestLog().requests("/v1/sessions/jwks/");
        assertThat(fetches).singleElement().satisfies(fetch -> {
            assertThat(fetch.authenticated()).isFalse();
            assertThat(fetch.header("Authorization")).isNull();
            assertThat(fetch.header("User-Agent")).startsWith("stytch-jakarta/");
        });
    }

    @Test
    void toStringWhenCredentialOrResultThenNoTokenShown() {
        String jwt = session.sessionJwt();
        AuthenticatedSession remote = stytch.authenticator().authenticate(new SessionToken(session.sessionToken()));

        assertThat(new SessionJwt(jwt).toString()).doesNotContain(jwt);
        assertThat(new SessionToken(session.sessionToken()).toString()).doesNotContain(session.sessionToken());
        assertThat(remote.toString()).doesNotContain(remote.refreshedJwt().orElseThrow()).contains("****");
    }
}
