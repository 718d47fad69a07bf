package io.github.stytchjakarta.example.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the sign-in page needs of Stytch's frontend SDK ({@code @stytch/vanilla-js}): the pinned browser
 * bundle with its subresource integrity hash, the page's one inline script (configured only through
 * {@code data-*} attributes, so it is a constant allowed by its hash), the public token check, and the page's
 * content security policy, which allows exactly the origins the SDK contacts. Stateless and thread-safe.
 */
public final class StytchFrontendSdk {

    /** The configuration name of the project's public token (Stytch dashboard, Project settings, API keys). */
    public static final String PUBLIC_TOKEN_KEY = "STYTCH_PUBLIC_TOKEN";

    /** The SDK version the page loads; the integrity hashes below are of this version's files. */
    public static final String VERSION = "6.3.0";

    /** Where the SDK's self-contained browser bundles of {@link #VERSION} are (a CDN serving the npm package). */
    public static final String BUNDLE_BASE = "https://cdn.jsdelivr.net/npm/@stytch/vanilla-js@" + VERSION + "/dist/iife/";

    /** The B2B bundle. */
    public static final String B2B_BUNDLE = BUNDLE_BASE + "b2b/index.js";

    /** SHA-384 of {@link #B2B_BUNDLE}, as in the npm package's {@code dist/iife/b2b/index.js}. */
    public static final String B2B_INTEGRITY = "sha384-q5xkSXyK7ADRdtHH7EssJ0O9ghE/jyXTHkfv3XG8R7+TzOhRc9D15aAYo/c233wy";

    /** The consumer bundle. */
    public static final String CONSUMER_BUNDLE = BUNDLE_BASE + "index.js";

    /** SHA-384 of {@link #CONSUMER_BUNDLE}, as in the npm package's {@code dist/iife/index.js}. */
    public static final String CONSUMER_INTEGRITY = "sha384-Sj6oO3qMsVxhAOBv0NUOYalCJt68MHK06sLwK642Dhk5s3UTuQako+HDiMf0dWEJ";

    /** The iframe the SDK loads for its client-side services. */
    public static final String CLIENTSIDE_SERVICES_ORIGIN = "https://js.stytch.com";

    /** Where the SDK loads its device fingerprinting script ({@code telemetry.js}) from. */
    public static final String TELEMETRY_SCRIPT_ORIGIN = "https://elements.stytch.com";

    /** Where the SDK sends device fingerprinting telemetry. */
    public static final String TELEMETRY_ORIGIN = "https://telemetry.stytch.com";

    /** How long a session started here lasts, in minutes (at most the project's maximum in the dashboard). */
    public static final int SESSION_DURATION_MINUTES = 60;

    /**
     * The page's script: mounts the pre-built login (B2B: the discovery flow with email magic links; consumer:
     * email magic links), which authenticates the magic link's token when Stytch redirects back here, sets the
     * {@code stytch_session} and {@code stytch_session_jwt} cookies, and then goes where the visitor was going.
     */
    public static final String SCRIPT = """
            (() => {
              const root = document.getElementById('stytch-login');
              const d = root.dataset;
              const query = new URLSearchParams(location.search);
              if (query.has('return_to')) sessionStorage.setItem('stytch_return_to', d.returnTo);
              const done = () => {
                const target = sessionStorage.getItem('stytch_return_to') || d.returnTo;
                sessionStorage.removeItem('stytch_return_to');
                location.assign(target);
              };
              const options = d.customBaseUrl ? { customBaseUrl: d.customBaseUrl } : {};
              const callbacks = { onEvent: (event) => { if (event.type === 'AUTHENTICATE_FLOW_COMPLETE') done(); } };
              const minutes = Number(d.sessionMinutes);
              if (d.vertical === 'b2b') {
                const client = stytch.createStytchB2BClient(d.publicToken, options);
                stytch.mount({ elementId: '#stytch-login', client, callbacks, config: {
                  authFlowType: 'Discovery', products: ['emailMagicLinks'],
                  emailMagicLinksOptions: { discoveryRedirectURL: d.redirectUrl },
                  sessionOptions: { sessionDurationMinutes: minutes } } });
                return;
              }
              const client = stytch.createStytchClient(d.publicToken, options);
              if (query.get('stytch_token_type') === 'magic_links') {
                client.magicLinks.authenticate(query.get('token'), { session_duration_minutes: minutes }).then(done);
                return;
              }
              stytch.mountLogin({ elementId: '#stytch-login', client, callbacks, config: {
                products: ['emailMagicLinks'],
                emailMagicLinksOptions: { loginRedirectURL: d.redirectUrl, signupRedirectURL: d.redirectUrl },
                sessionOptions: { sessionDurationMinutes: minutes } } });
            })();
            """;

    /** The CSP source allowing {@link #SCRIPT}. */
    public static final String SCRIPT_HASH = "'sha256-" + sha256(SCRIPT) + "'";

    // Stytch's public tokens: public-token-test-<uuid> or public-token-live-<uuid>
    private static final Pattern PUBLIC_TOKEN = Pattern.compile("public-token-(test|live)-[0-9a-f-]{36}");

    private StytchFrontendSdk() {
    }

    /**
     * @param configured the configured {@value #PUBLIC_TOKEN_KEY}, if any
     * @return the token if it has the shape of a Stytch public token
     */
    public static Optional<String> publicToken(Optional<String> configured) {
        return configured.map(String::strip).filter(token -> PUBLIC_TOKEN.matcher(token).matches());
    }

    /**
     * The sign-in page's policy: the SDK bundle (by path) and the inline script (by hash); the project's API
     * (test, live or custom domain: the base URL the app itself uses) and the SDK's telemetry; the SDK's
     * client-side services iframe; inline styles, which the SDK injects; nothing else.
     *
     * @param apiBaseUrl the project's Stytch API base URL
     * @return the {@code Content-Security-Policy} value
     */
    public static String contentSecurityPolicy(URI apiBaseUrl) {
        return "default-src 'none'; script-src " + BUNDLE_BASE + " " + SCRIPT_HASH + " " + TELEMETRY_SCRIPT_ORIGIN
                + "; connect-src " + origin(apiBaseUrl) + " " + TELEMETRY_ORIGIN + "; frame-src " + CLIENTSIDE_SERVICES_ORIGIN
                + "; style-src 'unsafe-inline'; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";
    }

    /**
     * @param apiBaseUrl the project's Stytch API base URL
     * @return the custom domain's origin for the SDK, empty for Stytch's own API hosts
     */
    public static Optional<String> customBaseUrl(URI apiBaseUrl) {
        String host = apiBaseUrl.getHost();
        return host.equals("test.stytch.com") || host.equals("api.stytch.com") ? Optional.empty()
                : Optional.of(origin(apiBaseUrl));
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
