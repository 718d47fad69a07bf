package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token endpoint's {@code grant_type=authorization_code} (RFC 6749 §4.1.3 with PKCE, RFC 7636 §4.6): redeems a
 * code of {@link AuthorizationEndpoint} for a Connected App's access token. The client authenticates as its type
 * requires: a public one names itself with {@code client_id}, a confidential one adds {@code client_secret} in the
 * body or uses HTTP Basic (401 {@code invalid_client} otherwise). The code must be unspent and unexpired, issued to
 * that client for the same {@code redirect_uri}, with {@code BASE64URL(SHA-256(code_verifier))} its challenge and its
 * subject still existing, else 400 {@code invalid_grant}; an authenticated client's attempt spends the code. The answer
 * is {@code access_token}, {@code token_type bearer}, {@code expires_in} (the client's token lifetime) and
 * {@code scope}. Thread-safe: stateless.
 */
public final class AuthorizationCodeGrant {

    private final EmulatorState state;
    private final TokenIssuer tokens;

    public AuthorizationCodeGrant(EmulatorState state, TokenIssuer tokens) {
        this.state = state;
        this.tokens = tokens;
    }

    /**
     * @param parameters    the token request's parameters
     * @param authorization the {@code Authorization} header, or {@code null}
     * @return the fields of the token response
     */
    public Map<String, Object> token(Map<String, String> parameters, String authorization) {
        String code = parameters.get("code");
        String redirectUri = parameters.get("redirect_uri");
        String verifier = parameters.get("code_verifier");
        if (code == null || redirectUri == null || verifier == null) {
            throw ApiException.oauth(400, "invalid_request", "code, redirect_uri and code_verifier are required.");
        }
        EmulatedConnectedApp client = state.connectedApps().authenticate(credentials(parameters.get("client_id"),
                parameters.get("client_secret"), authorization));
        AuthorizationCodes.Grant grant = state.connectedApps().authorizationCodes().take(code, state.now())
                .filter(taken -> taken.clientId().equals(client.clientId()) && taken.redirectUri().equals(redirectUri)
                        && MessageDigest.isEqual(challenge(verifier), taken.codeChallenge().getBytes(StandardCharsets.US_ASCII))
                        && taken.consent().subjectExists(state.directory()))
                .orElseThrow(() -> ApiException.oauth(400, "invalid_grant",
                        "The code is unknown, spent, expired or not for this client, redirect_uri and code_verifier."));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("access_token", tokens.connectedAppToken(grant.consent(), client, grant.scopes()));
        fields.put("token_type", "bearer");
        fields.put("expires_in", client.accessTokenLifetime().toSeconds());
        fields.put("scope", String.join(" ", grant.scopes()));
        return fields;
    }

    /** The body's credentials, or Basic ones when the body names no client or the same client without a secret. */
    private static ClientCredentials credentials(String clientId, String clientSecret, String authorization) {
        ClientCredentials body = ClientCredentials.of(clientId, clientSecret, authorization);
        if (body.clientSecret() != null || authorization == null) {
            return body;
        }
        // other Basic credentials (the project's, sent by an SDK) are not the client's
        ClientCredentials basic = ClientCredentials.of(null, null, authorization);
        return basic.clientId() != null && basic.clientId().equals(clientId) ? basic : body;
    }

    private static byte[] challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
