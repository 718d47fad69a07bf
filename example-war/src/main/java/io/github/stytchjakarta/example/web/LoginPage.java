package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.core.StytchConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /login} with a real Stytch project: signing in is the job of Stytch's frontend SDK, which writes the
 * {@code stytch_session} and {@code stytch_session_jwt} cookies that the app then accepts. This page says how
 * to add it. (When the app runs on the emulator, a development sign-in page takes this path instead.)
 */
@RequestScoped
@Path("login")
@Produces(PageContext.HTML)
public class LoginPage {

    @Inject
    CurrentStytchSession current;

    @Inject
    StytchConfig config;

    @Context
    UriInfo uri;

    /** @return the page */
    @GET
    public String show() {
        Html content = Html.of("""
                <div class="card"><p>This app accepts the session cookies that Stytch's frontend SDK writes after a
                sign-in: <code>{}</code> and <code>{}</code>. Add the SDK's pre-built B2B login (discovery flow, see
                Stytch's guide <a href="https://stytch.com/docs/b2b/guides/ui-components/discovery-flow">Implement the
                Discovery flow</a>) to this page with your project's public token, and authorize this site's domain in the
                Stytch dashboard. In outline:</p>
                <pre>import { createStytchB2BClient } from '@stytch/vanilla-js/b2b';

                const stytch = createStytchB2BClient('public-token-test-…');
                stytch.mount({
                  elementId: '#stytch-login',
                  config: { authFlowType: 'Discovery', products: ['emailMagicLinks', 'oauth'],
                            sessionOptions: { sessionDurationMinutes: 60 } },
                });</pre>
                <p class="small muted">Project {}. Without a project id the app runs on the Stytch emulator with a
                development sign-in here instead.</p></div>""",
                config.sessionCookie(), config.tokenCookie(), config.projectId());
        return PageContext.of(uri, current).render("Sign in", "Sign-in is Stytch's frontend SDK.", "login", content);
    }
}
