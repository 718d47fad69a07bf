package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.StytchConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The claim checks of one kind of token, in two groups: identity checks that run before the
 * signature (cheap and final, so a token for someone else never causes a key fetch), and validity
 * checks that run after it (so that {@code EXPIRED} and {@code TOO_OLD} always mean "validly signed").
 *
 * @param beforeSignature checks run before the key lookup and signature verification
 * @param afterSignature  checks run after a successful signature verification, in order
 */
public record JwtRules(List<ClaimValidator> beforeSignature, List<ClaimValidator> afterSignature) {

    /** Copies the lists. */
    public JwtRules {
        beforeSignature = List.copyOf(beforeSignature);
        afterSignature = List.copyOf(afterSignature);
    }

    /**
     * Session JWT rules: issuer, token kind ({@link TokenKind#SESSION}) and audience; then
     * {@code nbf}/{@code iat}, the session claim and the session's expiry, {@code exp}, and the optional
     * maximum age. The order matters: a session that
     * has expired is final, while {@code exp} and the maximum age may be refreshed remotely.
     *
     * @param config the configuration
     * @return the rules
     */
    public static JwtRules forSessions(StytchConfig config) {
        long skew = config.jwt().clockSkew().toMillis();
        List<ClaimValidator> after = new ArrayList<>();
        after.add(new NotBeforeValidator(skew));
        after.add(new SessionClaimValidator(config.vertical(), skew));
        after.add(new ExpiryValidator(skew));
        config.jwt().maxTokenAge().ifPresent(age -> after.add(new MaxTokenAgeValidator(age.toMillis())));
        return new JwtRules(identity(config, TokenKind.SESSION), after);
    }

    /**
     * M2M access token rules: issuer, token kind ({@link TokenKind#M2M_ACCESS}) and audience; then
     * {@code nbf}/{@code iat}, {@code exp}, the optional maximum age, and the M2M claims.
     *
     * @param config the configuration
     * @return the rules
     */
    public static JwtRules forM2m(StytchConfig config) {
        long skew = config.jwt().clockSkew().toMillis();
        List<ClaimValidator> after = new ArrayList<>();
        after.add(new NotBeforeValidator(skew));
        after.add(new ExpiryValidator(skew));
        config.jwt().maxTokenAge().ifPresent(age -> after.add(new MaxTokenAgeValidator(age.toMillis())));
        after.add(new M2mClaimValidator());
        return new JwtRules(identity(config, TokenKind.M2M_ACCESS), after);
    }

    /**
     * Connected-App access token rules: issuer, token kind ({@link TokenKind#CONNECTED_APP_ACCESS}) and audience; then
     * {@code nbf}/{@code iat}, {@code exp}, the optional maximum age, and the Connected-App claims
     * ({@link ConnectedAppClaims}).
     *
     * @param config the configuration
     * @return the rules
     */
    public static JwtRules forConnectedApps(StytchConfig config) {
        long skew = config.jwt().clockSkew().toMillis();
        List<ClaimValidator> after = new ArrayList<>();
        after.add(new NotBeforeValidator(skew));
        after.add(new ExpiryValidator(skew));
        config.jwt().maxTokenAge().ifPresent(age -> after.add(new MaxTokenAgeValidator(age.toMillis())));
        after.add(new ConnectedAppClaims(config.vertical()));
        return new JwtRules(identity(config, TokenKind.CONNECTED_APP_ACCESS), after);
    }

    // the kind before the audience: an ID token (aud = its client) is a token of the wrong kind, not a sign that
    // the configured audience is wrong, which the audience check warns about
    private static List<ClaimValidator> identity(StytchConfig config, TokenKind kind) {
        return List.of(new IssuerValidator(config.jwt().issuers()), new TokenKindValidator(kind),
                new AudienceValidator(config.jwt().audience()));
    }
}
