package io.github.stytchjakarta.example.dev;

import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.example.web.Html;
import io.github.stytchjakarta.example.web.Layout;
import io.github.stytchjakarta.example.web.SecurityHeaders;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedFactor;
import io.github.stytchjakarta.testkit.EmulatedFactors;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.EmulatedUser;
import io.github.stytchjakarta.testkit.StytchEmulator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The development sign-in page, only present when the app runs on the Stytch emulator: pick a demo member
 * (or, in the consumer flavour, the demo user) and a sign-in method; the emulator starts a real session and
 * the page sets the {@code stytch_session} and {@code stytch_session_jwt} cookies the way Stytch's frontend
 * SDK does ({@code Path=/}, {@code SameSite=Lax}, {@code Secure} except on localhost, expiring with the
 * session). From then on the app authenticates the browser exactly as it would with real Stytch cookies.
 *
 * <p>A sign-in from another site is refused ({@code Sec-Fetch-Site} / {@code Origin}), so no page elsewhere
 * can sign a visitor in as a demo member. Thread-safe.
 */
public final class DevLoginServlet extends HttpServlet {

    /** How long a dev sign-in session lives. */
    public static final Duration SESSION_DURATION = Duration.ofHours(8);

    /** Where a sign-in goes without a (safe) return target, under the context path. */
    public static final String DEFAULT_TARGET = "/documents";

    /** The form field naming the demo person by email address. */
    public static final String PERSON_PARAMETER = "person";

    /** The form field naming the sign-in method ({@link Method}). */
    public static final String METHOD_PARAMETER = "method";

    /** The form field and query parameter carrying the page to return to (the filter's default name). */
    public static final String RETURN_PARAMETER = "return_to";

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter COOKIE_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    /** Sign-in methods offered, and the authentication factors the session gets. */
    public enum Method {
        /** An email magic link. */
        MAGIC_LINK("Email magic link", email -> List.of(EmulatedFactors.emailMagicLink(email))),
        /** A password, then an authenticator app (MFA). */
        PASSWORD_TOTP("Password + authenticator app (MFA)",
                email -> List.of(EmulatedFactors.password(email), EmulatedFactors.totp())),
        /** An email one-time passcode. */
        EMAIL_OTP("Email one-time passcode", email -> List.of(EmulatedFactors.emailOtp(email)));

        private final String label;
        private final Function<String, List<EmulatedFactor>> factors;

        Method(String label, Function<String, List<EmulatedFactor>> factors) {
            this.label = label;
            this.factors = factors;
        }
    }

    private final transient StytchEmulator emulator;
    private final transient DemoData demo;
    private final Vertical vertical;

    /**
     * @param emulator the running emulator
     * @param demo     its demo data
     * @param vertical whether to offer the B2B members or the consumer user
     */
    public DevLoginServlet(StytchEmulator emulator, DemoData demo, Vertical vertical) {
        this.emulator = Objects.requireNonNull(emulator, "emulator");
        this.demo = Objects.requireNonNull(demo, "demo");
        this.vertical = Objects.requireNonNull(vertical, "vertical");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = returnTarget(request);
        send(response, HttpServletResponse.SC_OK, page(request, target, Html.EMPTY));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = returnTarget(request);
        if (!fromThisSite(request)) {
            send(response, HttpServletResponse.SC_FORBIDDEN, page(request, target,
                    alert("A sign-in must come from this page, not from another site.")));
            return;
        }
        Optional<Method> method = Arrays.stream(Method.values())
                .filter(m -> m.name().equals(request.getParameter(METHOD_PARAMETER))).findFirst();
        String person = request.getParameter(PERSON_PARAMETER);
        Optional<EmulatedSession> session = method.flatMap(m -> signIn(person, m, request));
        if (session.isEmpty()) {
            send(response, HttpServletResponse.SC_BAD_REQUEST, page(request, target,
                    alert("Pick one of the demo people and a sign-in method.")));
            return;
        }
        Instant expiresAt = session.get().expiresAt();
        response.addHeader("Set-Cookie", cookie(request, StytchConfig.DEFAULT_SESSION_COOKIE, session.get().sessionToken(), expiresAt));
        response.addHeader("Set-Cookie", cookie(request, StytchConfig.DEFAULT_TOKEN_COOKIE, session.get().sessionJwt(), expiresAt));
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }

    private Optional<EmulatedSession> signIn(String email, Method method, HttpServletRequest request) {
        String userAgent = Objects.requireNonNullElse(request.getHeader("User-Agent"), "");
        String address = Objects.requireNonNullElse(request.getRemoteAddr(), "");
        return switch (vertical) {
            case B2B -> members().stream().filter(member -> member.email().equals(email)).findFirst()
                    .map(member -> emulator.createMemberSession(member, s -> sessionOf(s, method.factors.apply(email),
                            address, userAgent)));
            case CONSUMER -> Optional.of(demo.ada()).filter(user -> user.email().equals(email))
                    .map(user -> emulator.createSession(user, s -> sessionOf(s, method.factors.apply(email), address,
                            userAgent)));
        };
    }

    private static void sessionOf(EmulatedSession.Builder session, List<EmulatedFactor> factors, String address,
                                  String userAgent) {
        session.duration(SESSION_DURATION).attributes(address, userAgent);
        factors.forEach(session::factor);
    }

    private List<EmulatedMember> members() {
        return List.of(demo.alice(), demo.bob(), demo.carol(), demo.dave());
    }

    private String page(HttpServletRequest request, String target, Html message) {
        List<Html> groups = new ArrayList<>();
        if (vertical == Vertical.B2B) {
            for (EmulatedOrganization organization : List.of(demo.acme(), demo.globex())) {
                List<Html> people = members().stream()
                        .filter(member -> member.organizationId().equals(organization.organizationId()))
                        .map(member -> person(member.email(), member.name(), member.roles())).toList();
                groups.add(Html.of("<fieldset class=\"card people\"><legend><strong>{}</strong> <span class=\"muted small\">"
                        + "organization {}</span></legend>{}</fieldset>", organization.name(), organization.slug(),
                        Html.join(people)));
            }
        } else {
            EmulatedUser ada = demo.ada();
            groups.add(Html.of("<fieldset class=\"card people\"><legend><strong>Consumer users</strong></legend>{}</fieldset>",
                    person(ada.email(), ada.name(), ada.roles())));
        }
        Html methods = Html.join(Arrays.stream(Method.values())
                .map(m -> Html.of("<option value=\"{}\">{}</option>", m.name(), m.label)).toList());
        Html form = Html.of("""
                <form method="post" action="login">
                <input type="hidden" name="{}" value="{}">
                <div class="grid">{}</div>
                <div class="card"><label for="method">Sign-in method</label>
                <select id="method" name="{}">{}</select>
                <div class="actions"><button class="btn" type="submit" id="sign-in">Sign in</button>
                <span class="muted small">Then you land on {}.</span></div></div>
                </form>""", RETURN_PARAMETER, target, Html.join(groups), METHOD_PARAMETER, methods, target);
        return Layout.page(request.getContextPath() + "/", "Sign in",
                "Development sign-in: no Stytch project is configured, so the app runs on the Stytch emulator. "
                + "Pick a demo person; the emulator starts a real Stytch-shaped session and this page sets "
                + "the stytch_session and stytch_session_jwt cookies, as Stytch's frontend SDK would.", "login",
                Optional.empty(), Html.join(List.of(message, form)));
    }

    private static Html person(String email, String name, List<String> roles) {
        Html pills = Html.join(roles.stream().map(role -> Html.of("<span class=\"pill\">{}</span>", role)).toList());
        return Html.of("""
                <p><label class="small"><input type="radio" name="{}" value="{}" required> {} <span class="muted">{}</span>
                {}</label></p>""", PERSON_PARAMETER, email, name, email, pills);
    }

    private static Html alert(String text) {
        return Html.of("<div class=\"card alert\" role=\"alert\">{}</div>", text);
    }

    private static String returnTarget(HttpServletRequest request) {
        String requested = request.getParameter(RETURN_PARAMETER);
        return StytchWebAuthenticator.isSafeReturnTarget(requested) ? requested : request.getContextPath() + DEFAULT_TARGET;
    }

    // a browser says where a request comes from; clients that say nothing (curl, tests) are not browsers on other sites
    private static boolean fromThisSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return SAME_SITE_FETCHES.contains(fetchSite);
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return origin.equals(scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port));
    }

    private String cookie(HttpServletRequest request, String name, String value, Instant expiresAt) {
        long maxAge = Math.max(0, Duration.between(emulator.clock().instant(), expiresAt).getSeconds());
        boolean secure = !LOCAL_HOSTS.contains(request.getServerName().toLowerCase(Locale.ROOT));
        return name + "=" + value + "; Path=/; Expires=" + COOKIE_DATE.format(expiresAt) + "; Max-Age=" + maxAge
                + "; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    private static void send(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(html);
    }
}
