package io.github.stytchjakarta.testkit.internal;

import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedOrganization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subject claims of every JWT kind the emulator mints (all but {@code iss aud iat nbf exp}), read from the current
 * directory and session state each time. Thread-safe: stateless over thread-safe parts.
 */
public final class SubjectClaims {

    /** The claim holding the Stytch session. */
    public static final String SESSION_CLAIM = "https://stytch.com/session";

    /** The claim holding the B2B organization. */
    public static final String ORGANIZATION_CLAIM = "https://stytch.com/organization";

    private final Directory directory;
    private final RbacState rbac;

    /**
     * @param directory the organizations whose slugs the organization claim carries
     * @param rbac      the roles of sessions
     */
    public SubjectClaims(Directory directory, RbacState rbac) {
        this.directory = directory;
        this.rbac = rbac;
    }

    /**
     * @param session a session
     * @return the claims of its JWT: {@code sub}, the session claim, for B2B the organization claim, and the custom
     *         claims at top level
     */
    public Map<String, Object> session(SessionData session) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", session.subjectId());
        claims.put(SESSION_CLAIM, Views.sessionClaim(session, rbac.sessionRoles(session)));
        if (session.vertical() == Vertical.B2B) {
            claims.put(ORGANIZATION_CLAIM, organizationClaim(session.organizationId()));
        }
        claims.putAll(session.customClaims());
        return claims;
    }

    private Map<String, Object> organizationClaim(String organizationId) {
        Map<String, Object> organizationClaim = new LinkedHashMap<>();
        organizationClaim.put("organization_id", organizationId);
        organizationClaim.put("slug", directory.organization(organizationId).map(EmulatedOrganization::slug).orElse(""));
        return organizationClaim;
    }

    /**
     * @param subjectId      the user or member the token was granted by
     * @param organizationId the member's organization, or {@code null} for a user
     * @param clientId       the Connected App's client id
     * @param scopes         the granted scopes
     * @return the claims of a Connected-App access token: {@code sub}, {@code client_id}, {@code scope}, a random
     *         {@code jti} and, for a member, the organization claim
     */
    public Map<String, Object> connectedApp(String subjectId, String organizationId, String clientId, List<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subjectId);
        claims.put("client_id", clientId);
        claims.put("scope", String.join(" ", scopes));
        claims.put("jti", Ids.sessionToken());
        if (organizationId != null) {
            claims.put(ORGANIZATION_CLAIM, organizationClaim(organizationId));
        }
        return claims;
    }

    /**
     * @param subjectId the user or member
     * @param name      the name, {@code ""} for none
     * @param email     the email address, or {@code null}
     * @return the claims of a Connected-App ID token granted {@code openid profile email}: {@code sub}, {@code name},
     *         {@code email} and {@code email_verified}
     */
    public Map<String, Object> idToken(String subjectId, String name, String email) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subjectId);
        claims.put("name", name);
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", true);
        }
        return claims;
    }

    /**
     * @param client a client
     * @param scopes the granted scopes
     * @return the claims of its access token: {@code sub}, {@code scope} and the client's custom claims
     */
    public Map<String, Object> m2m(EmulatedM2mClient client, List<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", client.clientId());
        claims.put("scope", String.join(" ", scopes));
        claims.putAll(client.customClaims());
        return claims;
    }
}
