package io.github.stytchjakarta.core.internal.jwt;

import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.InvalidTokenException.Reason;
import io.github.stytchjakarta.core.internal.LogText;
import io.github.stytchjakarta.core.internal.LogThrottle;
import java.util.List;
import java.util.Set;

/**
 * {@code iss} must be one of the accepted issuers (exact match). A refusal is logged at WARNING at most
 * once per {@link LogThrottle#WARNING_INTERVAL}, with the received issuer reduced by
 * {@link LogText#untrusted}: when every token is refused, the configuration is the likelier culprit.
 */
final class IssuerValidator implements ClaimValidator {

    private static final System.Logger LOG = System.getLogger(IssuerValidator.class.getName());

    private final Set<String> issuers;
    private final String expected; // in the configuration's order, for the warning
    private final LogThrottle warnings = new LogThrottle();

    IssuerValidator(Set<String> issuers) {
        this.issuers = Set.copyOf(issuers);
        this.expected = List.copyOf(issuers).toString();
    }

    @Override
    public void validate(JwtClaims claims, long nowMillis) {
        String issuer = claims.issuer();
        if (issuer == null || !issuers.contains(issuer)) {
            if (warnings.tryWarn(nowMillis)) {
                LOG.log(System.Logger.Level.WARNING, "JWT issuer not accepted: received " + LogText.untrusted(issuer)
                        + ", expected one of " + expected
                        + "; check stytch.project-id / stytch.base-url / stytch.jwt.issuers");
            }
            throw new InvalidTokenException(Reason.WRONG_ISSUER);
        }
    }
}
