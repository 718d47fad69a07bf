package io.github.stytchjakarta.testkit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization codes the emulator's authorization page issued and no client redeemed yet: random, single use,
 * each bound to what was approved. Thread-safe: a concurrent map, whose atomic {@code remove} makes a code
 * redeemable once even when two redemptions race.
 */
public final class AuthorizationCodes {

    /** Random bytes in a code: 32 bytes are 43 base64url characters. */
    public static final int CODE_BYTES = 32;

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    /**
     * What a code stands for.
     *
     * @param clientId      the client it was issued to
     * @param consent       who approved
     * @param scopes        the approved scopes
     * @param redirectUri   the {@code redirect_uri} of the authorization request, which the token request must repeat
     * @param codeChallenge the S256 {@code code_challenge}
     * @param expiresAt     when the code stops being redeemable
     */
    public record Grant(String clientId, Consent consent, List<String> scopes, String redirectUri, String codeChallenge,
            Instant expiresAt) {

        public Grant {
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * @param grant what the code stands for
     * @param now   the emulator's time, to forget codes that expired unredeemed
     * @return the new code
     */
    public String issue(Grant grant, Instant now) {
        grants.values().removeIf(pending -> !now.isBefore(pending.expiresAt()));
        String code = Ids.randomBase64Url(CODE_BYTES);
        grants.put(code, grant);
        return code;
    }

    /**
     * Redeems a code: whatever the outcome of the token request, the code is spent (RFC 6749 §4.1.2: single use).
     *
     * @param code the code
     * @param now  the emulator's time
     * @return what it stood for, if it was issued, unspent and unexpired
     */
    public Optional<Grant> take(String code, Instant now) {
        Grant grant = grants.remove(code);
        return grant != null && now.isBefore(grant.expiresAt()) ? Optional.of(grant) : Optional.empty();
    }
}
