package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.Ids;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Factories for common {@link EmulatedFactor}s, shaped like the factors Stytch puts on sessions.
 * Generated ids use the {@code -test-} form. Thread-safe (stateless).
 */
public final class EmulatedFactors {

    private EmulatedFactors() {
    }

    /**
     * An email magic link: {@code type=magic_link, delivery_method=email, email_factor={email_id, email_address}}.
     *
     * @param emailAddress the email address; must not be {@code null}
     * @return the factor
     */
    public static EmulatedFactor emailMagicLink(String emailAddress) {
        return emailFactor("magic_link", "email", emailAddress);
    }

    /**
     * An email one-time passcode: {@code type=otp, delivery_method=email, email_factor}.
     *
     * @param emailAddress the email address; must not be {@code null}
     * @return the factor
     */
    public static EmulatedFactor emailOtp(String emailAddress) {
        return emailFactor("otp", "email", emailAddress);
    }

    /**
     * A password: {@code type=password, delivery_method=knowledge, email_factor}.
     *
     * @param emailAddress the email address the password belongs to; must not be {@code null}
     * @return the factor
     */
    public static EmulatedFactor password(String emailAddress) {
        return emailFactor("password", "knowledge", emailAddress);
    }

    /**
     * An SMS one-time passcode: {@code type=otp, delivery_method=sms, phone_number_factor={phone_id, phone_number}}.
     *
     * @param phoneNumber the phone number in E.164 form; must not be {@code null}
     * @return the factor
     */
    public static EmulatedFactor smsOtp(String phoneNumber) {
        return of("otp", "sms", "phone_number_factor",
                details("phone_id", Ids.forTest("phone-number"), "phone_number", require(phoneNumber, "phoneNumber")));
    }

    /**
     * Google OAuth: {@code type=oauth, delivery_method=oauth_google, google_oauth_factor={id, email_id, provider_subject}}.
     *
     * @param providerSubject the Google subject; must not be {@code null}
     * @return the factor
     */
    public static EmulatedFactor googleOAuth(String providerSubject) {
        return of("oauth", "oauth_google", "google_oauth_factor", details("id", Ids.forTest("oauth-user-registration"),
                "email_id", Ids.forTest("email"), "provider_subject", require(providerSubject, "providerSubject")));
    }

    /**
     * SAML SSO: {@code type=sso, delivery_method=sso_saml, saml_sso_factor={id, provider_id, external_id}}.
     *
     * @param connectionId the SAML connection id ({@code provider_id}); must not be {@code null}
     * @param externalId   the member's id at the identity provider; must not be {@code null}
     * @return the factor
     */
    public static EmulatedFactor samlSso(String connectionId, String externalId) {
        return of("sso", "sso_saml", "saml_sso_factor", details("id", Ids.forTest("saml-registration"),
                "provider_id", require(connectionId, "connectionId"), "external_id", require(externalId, "externalId")));
    }

    /**
     * A TOTP authenticator app: {@code type=totp, delivery_method=authenticator_app, authenticator_app_factor={totp_id}}.
     *
     * @return the factor
     */
    public static EmulatedFactor totp() {
        return of("totp", "authenticator_app", "authenticator_app_factor", details("totp_id", Ids.forTest("totp")));
    }

    /**
     * Any factor.
     *
     * @param type           a spec {@code AuthenticationFactorType} value; must not be {@code null}
     * @param deliveryMethod a spec {@code AuthenticationFactorDeliveryMethod} value; must not be {@code null}
     * @param detailsField   the details object's name, e.g. {@code email_factor}; {@code null} for none
     * @param details        the details object; {@code null} or empty for none
     * @return the factor, last authenticated when its session starts
     */
    public static EmulatedFactor of(String type, String deliveryMethod, String detailsField, Map<String, Object> details) {
        return new EmulatedFactor(type, deliveryMethod, null, detailsField, details);
    }

    /** The default factor of a seeded subject's session: a magic link to the subject's own email, with its email id. */
    static EmulatedFactor emailMagicLink(String emailId, String emailAddress) {
        return of("magic_link", "email", "email_factor", details("email_id", emailId, "email_address", emailAddress));
    }

    private static EmulatedFactor emailFactor(String type, String deliveryMethod, String emailAddress) {
        return of(type, deliveryMethod, "email_factor",
                details("email_id", Ids.forTest("email"), "email_address", require(emailAddress, "emailAddress")));
    }

    private static Map<String, Object> details(String... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }

    private static String require(String value, String name) {
        if (value == null) {
            throw new NullPointerException(name);
        }
        return value;
    }
}
