package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import java.util.List;

/**
 * Mints the tokens the HTTP endpoints hand out, with the same defaults as the public minter.
 */
public interface TokenIssuer {

    /**
     * @param session the session in its current state
     * @return a fresh session JWT
     */
    String sessionJwt(SessionData session);

    /**
     * @param client the client
     * @param scopes the granted scopes
     * @return a fresh M2M access token
     */
    String m2mToken(EmulatedM2mClient client, List<String> scopes);

    /**
     * @param consent who granted the token
     * @param client  the client it was granted to
     * @param scopes  the granted scopes
     * @return a fresh Connected-App access token, living the client's access-token lifetime
     */
    String connectedAppToken(Consent consent, EmulatedConnectedApp client, List<String> scopes);
}
