package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.RequiresAuthentication;
import io.github.stytchjakarta.core.AuthenticationFactor;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchMemberSession;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchSession;
import io.github.stytchjakarta.core.StytchUser;
import io.github.stytchjakarta.filter.StytchAttributes;
import io.github.stytchjakarta.filter.WebAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /me}: what the app knows about the caller, straight from the Stytch session: the
 * {@link StytchMember} (B2B) or {@link StytchUser} (consumer) principal, its session, factors, roles and
 * custom claims, and how this request was authenticated.
 */
@RequestScoped
@Path("me")
@Produces(PageContext.HTML)
@RequiresAuthentication
public class ProfilePage {

    @Inject
    CurrentStytchSession current;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    /** @return the page */
    @GET
    public String show() {
        StytchPrincipal caller = current.requirePrincipal();
        List<Fact> facts = new ArrayList<>();
        List<AuthenticationFactor> factors;
        Map<String, Object> customClaims;
        if (caller instanceof StytchMember member) {
            StytchMemberSession session = member.session();
            facts.add(new Fact("Principal", "StytchMember (B2B)"));
            facts.add(new Fact("Member id", member.memberId()));
            facts.add(new Fact("Organization", member.organizationSlug() + " · " + member.organizationId()));
            facts.add(new Fact("Session id", session.memberSessionId()));
            facts.add(new Fact("Session started", Views.time(session.startedAt())));
            facts.add(new Fact("Session expires", Views.time(session.expiresAt())));
            factors = session.authenticationFactors();
            customClaims = session.customClaims();
        } else {
            StytchSession session = ((StytchUser) caller).session();
            facts.add(new Fact("Principal", "StytchUser (consumer)"));
            facts.add(new Fact("User id", session.userId()));
            facts.add(new Fact("Session id", session.sessionId()));
            facts.add(new Fact("Session started", Views.time(session.startedAt())));
            facts.add(new Fact("Session expires", Views.time(session.expiresAt())));
            facts.add(new Fact("Started from", session.attributes().ipAddress() + " "
                    + session.attributes().userAgent()));
            factors = session.authenticationFactors();
            customClaims = session.customClaims();
        }
        facts.add(new Fact("request.getRemoteUser()", request.getRemoteUser()));
        facts.add(new Fact("request.getAuthType()", request.getAuthType()));
        if (request.getAttribute(StytchAttributes.AUTHENTICATION) instanceof WebAuthentication.Authenticated authenticated
                && authenticated.session().isPresent()) {
            facts.add(new Fact("Verified", verification(authenticated)));
        }
        Html list = Html.join(facts.stream().map(fact -> Html.of("<dt>{}</dt><dd>{}</dd>", fact.name(), fact.value())).toList());
        Html content = Html.of("""
                <div class="split">
                <div class="card"><h2>Session</h2><dl id="facts">{}</dl></div>
                <div class="card"><h2>Roles</h2><p>{}</p><h2>Signed in with</h2>{}<h2>Custom claims</h2><p class="small">{}</p></div>
                </div>""", list, Views.pills(caller.roles()), Html.join(factors.stream().map(Views::factor).toList()),
                customClaims.isEmpty() ? "none" : customClaims.toString());
        return PageContext.of(uri, current).render("Profile", "The principal the Stytch filter put on this request.", "me",
                content);
    }

    private static String verification(WebAuthentication.Authenticated authenticated) {
        return switch (authenticated.session().orElseThrow().verifiedBy()) {
            case CACHE -> "session JWT, verified locally earlier (cached)";
            case LOCAL -> "session JWT, verified locally with Stytch's signing keys";
            case REMOTE -> "checked with Stytch (sessions/authenticate)";
        } + ", " + switch (authenticated.source()) {
            case BEARER_HEADER -> "sent as Authorization: Bearer";
            case JWT_COOKIE -> "sent in the session JWT cookie";
            case SESSION_COOKIE -> "sent in the session token cookie";
        };
    }

    /** One line of the session card. */
    private record Fact(String name, String value) {
    }
}
