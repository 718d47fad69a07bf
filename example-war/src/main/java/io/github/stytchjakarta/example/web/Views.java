package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.core.AuthenticationFactor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small pieces of markup shared by the pages. Stateless and thread-safe. */
public final class Views {

    /** How times are shown: minutes in UTC. */
    public static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Friendly names of Stytch factor kinds, by {@code type/delivery_method}. */
    private static final Map<String, String> FACTOR_NAMES = Map.of(
            "magic_link/email", "Email magic link",
            "otp/email", "Email one-time passcode",
            "otp/sms", "SMS one-time passcode",
            "password/knowledge", "Password",
            "totp/authenticator_app", "Authenticator app",
            "oauth/oauth_google", "Google",
            "sso/sso_saml", "SAML SSO",
            "sso/sso_oidc", "OIDC SSO");

    private Views() {
    }

    /**
     * @param text a sentence
     * @return an error box
     */
    public static Html alert(String text) {
        return Html.of("<div class=\"card alert\" role=\"alert\">{}</div>", text);
    }

    /**
     * @param text a sentence
     * @return an information box
     */
    public static Html notice(String text) {
        return Html.of("<div class=\"card\" role=\"status\">{}</div>", text);
    }

    /**
     * The notice a redirect asked for by name, so that no request text is ever shown.
     *
     * @param notices the app's fixed notices, by name
     * @param name    the requested name, {@code null} for none
     * @return the notice, or nothing for an absent or unknown name
     */
    public static Html notice(Map<String, String> notices, String name) {
        return name != null && notices.containsKey(name) ? notice(notices.get(name)) : Html.EMPTY;
    }

    /**
     * @param time a time, {@code null} if unknown
     * @return the time in UTC, or a dash
     */
    public static String time(Instant time) {
        return time == null ? "–" : TIME.format(time);
    }

    /**
     * @param roles role ids
     * @return one pill per role
     */
    public static Html pills(List<String> roles) {
        return Html.join(roles.stream().map(role -> Html.of("<span class=\"pill\">{}</span>", role)).toList());
    }

    /**
     * How a session was authenticated: the factor's kind, its email address if any, and when it was used.
     *
     * @param factor a factor of a session
     * @return one line
     */
    public static Html factor(AuthenticationFactor factor) {
        String kind = factor.type() + "/" + factor.deliveryMethod();
        String name = FACTOR_NAMES.getOrDefault(kind, kind);
        Object email = factor.details().get("email_factor") instanceof Map<?, ?> details ? details.get("email_address") : null;
        return Html.of("<div>{} <span class=\"muted small\">{}{}</span></div>", name,
                email == null ? "" : email + " · ", time(factor.lastAuthenticatedAt()));
    }
}
