package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.internal.LogText;
import io.github.stytchjakarta.core.internal.LogThrottle;

/**
 * {@code aud} (a string or an array) must contain the expected audience, the project id by default. A
 * refusal is logged at WARNING at most once per {@link LogThrottle#WARNING_INTERVAL}, with the received
 * audience reduced by {@link LogText#untrusted}: when every token is refused, the configuration is the
 * likelier culprit.
 */
final class AudienceValidator implements ClaimValidator {

    private static final System.Logger LOG = System.getLogger(AudienceValidator.class.getName());

    private final String audience;
    private final LogThrottle warnings = new LogThrottle();

    AudienceValidator(String audience) {
        this.audience = audience;
    }

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        if (!claims.audience().contains(audience)) {
            if (warnings.tryWarn(nowMillis)) {
                String received = claims.audience().isEmpty() ? null : String.join(",", claims.audience());
                LOG.log(System.Logger.Level.WARNING, "JWT audience not accepted: received " + LogText.untrusted(received)
                        + ", expected " + audience + "; check stytch.jwt.audience / stytch.project-id");
            }
            throw new InvalidTokenException(Reason.WRONG_AUDIENCE);
        }
    }
}
