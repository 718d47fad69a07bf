package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.Vertical;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code /login} with a real Stytch project: Stytch's frontend SDK ({@link StytchFrontendSdk}) signs the visitor
 * in and writes the {@code stytch_session} and {@code stytch_session_jwt} cookies that the app then accepts.
 * It needs the project's public token ({@value StytchFrontendSdk#PUBLIC_TOKEN_KEY}); without one the page says
 * how to set it. Only a same-site path is taken as the page to return to. (When the app runs on the
 * emulator, a development sign-in page takes this path instead.)
 */
@RequestScoped
@Path("login")
@Produces(PageContext.HTML)
public class LoginPage {

    /** Where a sign-in goes without a (safe) {@code return_to}, relative to the app. */
    public static final String DEFAULT_TARGET = "documents";

    @Inject
    CurrentStytchSession current;

    @Inject
    StytchConfig config;

    @Context
    UriInfo uri;

    /**
     * @param returnTo where the visitor was going, as the filter passes it
     * @return the page, with the policy that lets the SDK run
     */
    @GET
    public Response show(@QueryParam("return_to") String returnTo) {
        PageContext page = PageContext.of(uri, current);
        Optional<String> publicToken = StytchFrontendSdk.publicToken(
                ConfigProvider.getConfig().getOptionalValue(StytchFrontendSdk.PUBLIC_TOKEN_KEY, String.class));
        String markup = publicToken.map(token -> page.render("Sign in", "Signing in is Stytch's.", "login",
                        sdk(token, target(returnTo, page.basePath()))))
                .orElseGet(() -> page.render("Sign in", "Sign-in is Stytch's frontend SDK.", "login", missingToken()));
        return Response.ok(markup).header("Content-Security-Policy",
                StytchFrontendSdk.contentSecurityPolicy(config.baseUrl())).build();
    }

    private Html sdk(String publicToken, String target) {
        boolean b2b = config.vertical() == Vertical.B2B;
        return Html.of("""
                <div class="card"><div id="stytch-login" data-public-token="{}" data-vertical="{}" data-redirect-url="{}"
                data-return-to="{}" data-session-minutes="{}"{}></div></div>
                <script src="{}" integrity="{}" crossorigin="anonymous"></script>
                <script>{}</script>""",
                publicToken, config.vertical().name().toLowerCase(Locale.ROOT), uri.getBaseUriBuilder().path("login").build(),
                target, StytchFrontendSdk.SESSION_DURATION_MINUTES,
                StytchFrontendSdk.customBaseUrl(config.baseUrl()).map(url -> Html.of(" data-custom-base-url=\"{}\"", url))
                        .orElse(Html.EMPTY),
                b2b ? StytchFrontendSdk.B2B_BUNDLE : StytchFrontendSdk.CONSUMER_BUNDLE,
                b2b ? StytchFrontendSdk.B2B_INTEGRITY : StytchFrontendSdk.CONSUMER_INTEGRITY,
                new Html(StytchFrontendSdk.SCRIPT));
    }

    private Html missingToken() {
        return Html.of("""
                <div class="card alert"><p>Signing in needs the project's public token: set <code>{}</code> (Stytch
                dashboard, Project settings, API keys: the <code>public-token-test-…</code> of the environment in
                use) and start the app again. Authorize this site's domain for the frontend SDK in the dashboard.</p>
                <p class="small muted">Project {}. This app accepts the cookies the SDK writes: <code>{}</code> and
                <code>{}</code>.</p></div>""",
                StytchFrontendSdk.PUBLIC_TOKEN_KEY, config.projectId(), config.session().cookie(), config.token().cookie());
    }

    // only a path on this site: never another origin (//host, /\host) a crafted link could send the visitor to
    private static String target(String returnTo, String basePath) {
        if (returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.startsWith("/\\")) {
            return returnTo;
        }
        return basePath + DEFAULT_TARGET;
    }
}
