package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.EmulatorState;
import io.github.stytchjakarta.testkit.internal.Ids;
import io.github.stytchjakarta.testkit.internal.SessionData;
import io.github.stytchjakarta.testkit.internal.Vertical;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@link StytchEmulator}'s seeding methods do: builds users, organizations, members, sessions and M2M
 * clients from their specs with fresh ids, adds them to the emulator's state, and deletes members. The
 * state checks references and uniqueness. Thread-safe, as the state is.
 */
final class EmulatorSeeding {

    private final EmulatorState state;
    private final EmulatorTokens tokens;

    EmulatorSeeding(EmulatorState state, EmulatorTokens tokens) {
        this.state = state;
        this.tokens = tokens;
    }

    EmulatedUser createUser(Consumer<EmulatedUser.Builder> spec) {
        EmulatedUser.Builder builder = new EmulatedUser.Builder();
        spec.accept(builder);
        EmulatedUser user = builder.build(state.ids().next("user"), state.ids().next("email"), state.now());
        state.directory().addUser(user);
        return user;
    }

    EmulatedOrganization createOrganization(Consumer<EmulatedOrganization.Builder> spec) {
        EmulatedOrganization.Builder builder = new EmulatedOrganization.Builder();
        spec.accept(builder);
        EmulatedOrganization organization = builder.build(state.ids().next("organization"),
                EmulatedOrganization.GENERATED_SLUG_PREFIX + Ids.randomHex(4), state.now());
        state.directory().addOrganization(organization);
        return organization;
    }

    EmulatedMember createMember(EmulatedOrganization organization, Consumer<EmulatedMember.Builder> spec) {
        EmulatedMember.Builder builder = new EmulatedMember.Builder();
        spec.accept(builder);
        EmulatedMember member = builder.build(state.ids().next("member"), organization.organizationId(),
                "member-" + Ids.randomHex(4) + "@example.test", state.ids().next("email"), state.now());
        state.directory().addMember(member);
        return member;
    }

    EmulatedSession createSession(EmulatedUser user, Consumer<EmulatedSession.Builder> spec) {
        EmulatedUser known = state.directory().requireUser(user.userId());
        List<EmulatedFactor> defaults = known.email() == null ? List.of()
                : List.of(EmulatedFactors.emailMagicLink(known.emailId(), known.email()));
        return addSession(spec, Vertical.CONSUMER, "session", known.userId(), null, defaults);
    }

    EmulatedSession createMemberSession(EmulatedMember member, Consumer<EmulatedSession.Builder> spec) {
        EmulatedMember known = state.directory().requireMember(member.memberId());
        return addSession(spec, Vertical.B2B, "member-session", known.memberId(), known.organizationId(),
                List.of(EmulatedFactors.emailMagicLink(known.emailId(), known.email())));
    }

    EmulatedM2mClient createM2mClient(Consumer<EmulatedM2mClient.Builder> spec) {
        EmulatedM2mClient.Builder builder = new EmulatedM2mClient.Builder();
        spec.accept(builder);
        EmulatedM2mClient client = builder.build(state.ids().next("m2m-client"), Ids.randomBase64Url(36));
        state.directory().addM2mClient(client);
        return client;
    }

    boolean deleteMember(String memberId) {
        if (!state.directory().removeMember(memberId)) {
            return false;
        }
        state.sessions().activeSessions(Vertical.B2B, memberId).forEach(session -> state.sessions().revoke(session.sessionId()));
        state.webhooks().send("member", "DELETE", memberId, Map.of());
        return true;
    }

    private EmulatedSession addSession(Consumer<EmulatedSession.Builder> spec, Vertical vertical, String idPrefix,
            String subjectId, String organizationId, List<EmulatedFactor> defaultFactors) {
        EmulatedSession.Builder builder = new EmulatedSession.Builder();
        spec.accept(builder);
        SessionData session = builder.build(state.ids().next(idPrefix), Ids.sessionToken(), vertical, subjectId,
                organizationId, state.now(), defaultFactors);
        state.sessions().add(session);
        return new EmulatedSession(state, tokens, session.sessionId(), session.sessionToken());
    }
}
