package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatorConnectedApps;
import io.github.stytchjakarta.testkit.JwtMinter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /oauth2/authorize}: the emulator's stand-in for the application's consent page, served while no
 * authorization URL is set (404 otherwise). The subject of {@link EmulatorConnectedApps#consentAs} approves at once.
 * Checks the RFC 6749 §4.1.1 request with PKCE (RFC 7636): {@code client_id} names a Connected App and
 * {@code redirect_uri} is registered for it ({@link RedirectUris}), else 400 {@code invalid_request} as JSON, as the
 * redirect is not trusted; then {@code response_type=code}, a {@code code_challenge} with {@code code_challenge_method
 * S256} ({@code plain} is refused), somebody consenting ({@code access_denied}) and scopes the subject may grant
 * ({@code invalid_scope}), answered by a 302 to {@code redirect_uri} with {@code error} and {@code state}. Success is a
 * 302 with {@code code} and {@code state}: a single-use code living
 * {@link EmulatorConnectedApps#AUTHORIZATION_CODE_LIFETIME} on the emulator's clock. {@code resource} (RFC 8707) is
 * accepted and ignored: Stytch's tokens name the project as audience. Thread-safe: stateless.
 */
public final class AuthorizationEndpoint {

    /** What RFC 7636 §4.2 allows in a {@code code_challenge}: 43 to 128 unreserved characters. */
    private static final Pattern CODE_CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final EmulatorState state;

    public AuthorizationEndpoint(EmulatorState state) {
        this.state = state;
    }

    public ApiResponse authorize(ApiRequest request) {
        if (state.connectedApps().authorizationUrl() != null) {
            // the metadata sends clients to the application's page; this one does not exist then
            throw ApiException.of(404, "route_not_found", "The requested route was not found.");
        }
        Map<String, String> query = request.query();
        EmulatedConnectedApp client = state.connectedApps().client(query.getOrDefault("client_id", ""))
                .orElseThrow(() -> ApiException.oauth(400, "invalid_request", "client_id does not name a Connected App."));
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || !RedirectUris.isRegistered(client.redirectUrls(), redirectUri)) {
            throw ApiException.oauth(400, "invalid_request", "redirect_uri is not a redirect URL of the client.");
        }
        String clientState = query.get("state");
        if (!"code".equals(query.get("response_type"))) {
            return refuse(redirectUri, clientState, "unsupported_response_type", "response_type must be code.");
        }
        String challenge = query.get("code_challenge");
        if (challenge == null || !CODE_CHALLENGE.matcher(challenge).matches()) {
            return refuse(redirectUri, clientState, "invalid_request", "A PKCE code_challenge is required.");
        }
        if (!"S256".equals(query.get("code_challenge_method"))) {
            return refuse(redirectUri, clientState, "invalid_request", "code_challenge_method must be S256.");
        }
        Consent consent = state.connectedApps().consent();
        if (consent == null || !consent.subjectExists(state.directory())) {
            return refuse(redirectUri, clientState, "access_denied", "Nobody approved the request.");
        }
        List<String> scopes = scopes(query.get("scope"));
        if (!ConnectedAppScopes.grantable(consent.policy(state.rbac())).containsAll(scopes)) {
            return refuse(redirectUri, clientState, "invalid_scope", "A requested scope is not a scope of the project.");
        }
        Instant now = state.now();
        String code = state.connectedApps().authorizationCodes().issue(new AuthorizationCodes.Grant(client.clientId(), consent,
                scopes, redirectUri, challenge, now.plus(EmulatorConnectedApps.AUTHORIZATION_CODE_LIFETIME)), now);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        parameters.put("state", clientState);
        return ApiResponse.redirect(withQuery(redirectUri, parameters));
    }

    /** No scope asks for what {@link EmulatorConnectedApps#accessToken} grants without scopes. */
    private static List<String> scopes(String scope) {
        List<String> scopes = scope == null ? List.of()
                : Arrays.stream(scope.trim().split(" +")).filter(name -> !name.isEmpty()).distinct().toList();
        return scopes.isEmpty() ? JwtMinter.CONNECTED_APP_SCOPES : scopes;
    }

    private static ApiResponse refuse(String redirectUri, String clientState, String error, String description) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        parameters.put("state", clientState);
        return ApiResponse.redirect(withQuery(redirectUri, parameters));
    }

    /** Adds the parameters to the URL's query (RFC 6749 §3.1.2 keeps a registered query); {@code null} values are left out. */
    private static String withQuery(String url, Map<String, String> parameters) {
        StringBuilder location = new StringBuilder(url);
        char separator = url.indexOf('?') < 0 ? '?' : '&';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() != null) {
                location.append(separator).append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return location.toString();
    }
}
