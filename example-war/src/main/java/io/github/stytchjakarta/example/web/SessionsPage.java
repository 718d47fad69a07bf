package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.RequiresAuthentication;
import io.github.stytchjakarta.core.AuthenticationFactor;
import io.github.stytchjakarta.core.SessionAttributes;
import io.github.stytchjakarta.core.StytchApiException;
import io.github.stytchjakarta.core.StytchClient;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchMemberSession;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchSession;
import io.github.stytchjakarta.core.StytchUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /sessions}: the caller's active Stytch sessions, read from Stytch with
 * {@code GET /v1/b2b/sessions} (a member) or {@code GET /v1/sessions} (a consumer user), with how each was
 * authenticated and, for consumer sessions, the device; any other session can be revoked. This browser's
 * session is marked and left to "Sign out", which also clears the cookies.
 */
@RequestScoped
@Path("sessions")
@Produces(PageContext.HTML)
@RequiresAuthentication
public class SessionsPage {

    /** Longest user agent shown; the rest is cut. */
    public static final int MAX_USER_AGENT_SHOWN = 90;

    private static final Map<String, String> NOTICES = Map.of(
            "revoked", "Session revoked: whoever held it is signed out.",
            "missing", "That session is not one of your active sessions.",
            "current", "That is this browser's session: use Sign out.");

    @Inject
    StytchClient stytch;

    @Inject
    CurrentStytchSession current;

    @Context
    UriInfo uri;

    /**
     * @param done which notice to show after a redirect, if any
     * @return the page
     */
    @GET
    public String list(@QueryParam("done") String done) {
        StytchPrincipal caller = current.requirePrincipal();
        List<SessionView> sessions = sessionsOf(caller);
        boolean consumer = caller instanceof StytchUser;
        Html rows = Html.join(sessions.stream().map(session -> row(session, caller, consumer)).toList());
        Html notice = Views.notice(NOTICES, done);
        Html content = Html.of("""
                {}
                <div class="card"><table id="sessions"><thead><tr><th>Session</th><th>Signed in with</th><th>Started</th>
                <th>Last active</th><th>Expires</th>{}<th></th></tr></thead><tbody>{}</tbody></table></div>
                <p class="muted small">Read from Stytch with <code>{}</code>. Revoking calls <code>{}</code>.</p>""",
                notice, new Html(consumer ? "<th>Device</th>" : ""), rows,
                consumer ? "GET /v1/sessions?user_id=…" : "GET /v1/b2b/sessions?organization_id=…&member_id=…",
                consumer ? "POST /v1/sessions/revoke" : "POST /v1/b2b/sessions/revoke");
        return PageContext.of(uri, current).render("Sessions", "Where you are signed in. A revoked session stops working "
                + "at once for opaque tokens and within five minutes for session JWTs.", "sessions", content);
    }

    /**
     * Revokes one of the caller's other sessions.
     *
     * @param sessionId the session id
     * @return a redirect to the list
     */
    @POST
    @Path("{sessionId}/revoke")
    public Response revoke(@PathParam("sessionId") String sessionId) {
        StytchPrincipal caller = current.requirePrincipal();
        String done;
        if (sessionId.equals(caller.sessionId())) {
            done = "current";
        } else if (sessionsOf(caller).stream().noneMatch(session -> session.id().equals(sessionId))) {
            done = "missing"; // only the caller's own sessions, never one named by id alone
        } else {
            revokeAtStytch(caller, sessionId);
            done = "revoked";
        }
        return Response.seeOther(uri.getBaseUriBuilder().path("sessions").queryParam("done", done).build()).build();
    }

    private List<SessionView> sessionsOf(StytchPrincipal caller) {
        if (caller instanceof StytchMember member) {
            return stytch.b2bSessions().get(member.organizationId(), member.memberId()).memberSessions().stream()
                    .map(SessionView::of).toList();
        }
        return stytch.sessions().get(((StytchUser) caller).userId()).sessions().stream().map(SessionView::of).toList();
    }

    private void revokeAtStytch(StytchPrincipal caller, String sessionId) {
        try {
            if (caller instanceof StytchMember) {
                stytch.b2bSessions().revoke(sessionId);
            } else {
                stytch.sessions().revoke(sessionId);
            }
        } catch (StytchApiException e) {
            if (e.statusCode() != Response.Status.NOT_FOUND.getStatusCode()) {
                throw e;
            } // already gone: revoked elsewhere or expired in between
        }
    }

    private static Html row(SessionView session, StytchPrincipal caller, boolean consumer) {
        boolean here = session.id().equals(caller.sessionId());
        Html action = here ? Html.of("<span class=\"pill here\">this browser</span>") : Html.of("""
                <form class="inline" method="post" action="sessions/{}/revoke">
                <button class="btn danger" type="submit">Revoke</button></form>""", session.id());
        Html device = consumer ? Html.of("<td class=\"small\">{}<div class=\"muted\">{}</div></td>",
                shorten(session.attributes().userAgent()), session.attributes().ipAddress()) : Html.EMPTY;
        return Html.of("""
                <tr data-session="{}"><td class="small"><code>{}</code></td><td class="small">{}</td><td class="small">{}</td>
                <td class="small">{}</td><td class="small">{}</td>{}<td>{}</td></tr>""",
                session.id(), session.id(), Html.join(session.factors().stream().map(Views::factor).toList()),
                Views.time(session.startedAt()), Views.time(session.lastAccessedAt()), Views.time(session.expiresAt()),
                device, action);
    }

    private static String shorten(String userAgent) {
        if (userAgent.isEmpty()) {
            return "unknown device";
        }
        return userAgent.length() <= MAX_USER_AGENT_SHOWN ? userAgent : userAgent.substring(0, MAX_USER_AGENT_SHOWN) + "…";
    }

    /** The fields of a consumer or member session that the page shows. */
    private record SessionView(String id, List<AuthenticationFactor> factors, Instant startedAt, Instant lastAccessedAt,
                               Instant expiresAt, SessionAttributes attributes) {

        static SessionView of(StytchMemberSession session) {
            return new SessionView(session.memberSessionId(), session.authenticationFactors(), session.startedAt(),
                    session.lastAccessedAt(), session.expiresAt(), SessionAttributes.EMPTY);
        }

        static SessionView of(StytchSession session) {
            return new SessionView(session.sessionId(), session.authenticationFactors(), session.startedAt(),
                    session.lastAccessedAt(), session.expiresAt(), session.attributes());
        }
    }
}
