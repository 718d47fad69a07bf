package io.github.stytchjakarta.testkit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The sessions of both verticals, by id and by token, and the rule of which are active now. Thread-safe: concurrent
 * maps; a change of one session (update, revocation) is atomic.
 */
public final class SessionStore {

    private final Clock clock;
    private final Map<String, SessionData> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> sessionIdsByToken = new ConcurrentHashMap<>();

    /**
     * @param clock decides which sessions are active
     */
    public SessionStore(Clock clock) {
        this.clock = clock;
    }

    public void add(SessionData session) {
        sessions.put(session.sessionId(), session);
        sessionIdsByToken.put(session.sessionToken(), session.sessionId());
    }

    public Optional<SessionData> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /**
     * @param token    a session token
     * @param vertical the vertical of the endpoint
     * @return the active session of that vertical
     * @throws ApiException 404 {@code session_not_found} otherwise
     */
    public SessionData activeSessionByToken(String token, Vertical vertical) {
        String sessionId = sessionIdsByToken.get(token);
        return activeSession(sessionId == null ? null : sessions.get(sessionId), vertical);
    }

    /**
     * @param sessionId a session id
     * @param vertical  the vertical of the endpoint
     * @return the active session of that vertical
     * @throws ApiException 404 {@code session_not_found} otherwise
     */
    public SessionData activeSessionById(String sessionId, Vertical vertical) {
        return activeSession(sessions.get(sessionId), vertical);
    }

    private SessionData activeSession(SessionData session, Vertical vertical) {
        if (session == null || session.vertical() != vertical || !session.isActive(clock.instant())) {
            throw ApiException.sessionNotFound();
        }
        return session;
    }

    /**
     * @param vertical  consumer or B2B
     * @param subjectId a user or member id
     * @return the subject's active sessions, oldest first
     */
    public List<SessionData> activeSessions(Vertical vertical, String subjectId) {
        Instant now = clock.instant();
        return sessions.values().stream()
                .filter(session -> session.vertical() == vertical && session.subjectId().equals(subjectId) && session.isActive(now))
                .sorted(Comparator.comparing(SessionData::startedAt).thenComparing(SessionData::sessionId))
                .toList();
    }

    /**
     * Atomically changes an active session.
     *
     * @param sessionId the session
     * @param change    the change; may throw an {@link ApiException}, which leaves the session unchanged
     * @return the changed session
     * @throws ApiException 404 {@code session_not_found} if the session is not active (any more)
     */
    public SessionData updateActiveSession(String sessionId, UnaryOperator<SessionData> change) {
        Instant now = clock.instant();
        SessionData updated = sessions.computeIfPresent(sessionId,
                (id, session) -> session.isActive(now) ? change.apply(session) : session);
        if (updated == null || !updated.isActive(now)) {
            throw ApiException.sessionNotFound();
        }
        return updated;
    }

    /**
     * @param sessionId a session id
     * @return whether an active session was revoked
     */
    public boolean revoke(String sessionId) {
        Instant now = clock.instant();
        boolean[] revoked = {false};
        sessions.computeIfPresent(sessionId, (id, session) -> {
            if (!session.isActive(now)) {
                return session;
            }
            revoked[0] = true;
            return session.asRevoked();
        });
        return revoked[0];
    }
}
