package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.StytchConfig.Keys;
import io.github.stytchjakarta.core.internal.config.ConfigProblems;
import io.github.stytchjakarta.core.model.WhoamiResponse;

/**
 * The start-up check of {@code stytch.startup-check}: asks Stytch whom the credentials belong to
 * ({@code GET /v1/debug/whoami}), so that a wrong secret, project id or base URL fails start-up naming
 * the key instead of failing every request later. What is checked:
 * <ul>
 *   <li>401: Stytch refused project id and secret together; it cannot say which one is wrong, so
 *       both {@code stytch.secret} and {@code stytch.project-id} are named;</li>
 *   <li>any other Stytch error, an answer that is not Stytch's, or no answer: {@code stytch.base-url};</li>
 *   <li>an answer for another project id: {@code stytch.project-id};</li>
 *   <li>with an introspection client configured, and the project's credentials right: an introspection of a token
 *       that is none, which Stytch answers {@code active: false} for a client it accepts and {@code 401 invalid_client}
 *       otherwise, so that a wrong client id or secret names {@code stytch.connected-apps.introspection.*} instead of
 *       making every introspected request a 503.</li>
 * </ul>
 * Messages never contain the secret. Stateless.
 */
final class StartupCheck {

    /** What the introspection check asks about: not a token, so Stytch only checks the client and answers inactive. */
    private static final String NOT_A_TOKEN = "stytch-jakarta-startup-check";

    private StartupCheck() {
    }

    /**
     * Runs the check.
     *
     * @param config the configuration
     * @param client the client to ask
     * @throws StytchConfigException naming the keys at fault
     */
    static void run(StytchConfig config, StytchClient client) {
        ConfigProblems problems = new ConfigProblems();
        try {
            WhoamiResponse answer = client.whoami();
            if (!config.projectId().equals(answer.projectId())) {
                problems.add(Keys.PROJECT_ID, "Stytch answered for another project (" + answer.projectId() + ")");
            }
        } catch (StytchApiException e) {
            if (e.statusCode() == 401) {
                String refused = "Stytch refused the project id and secret (HTTP 401 " + e.errorType()
                        + "): one of " + Keys.PROJECT_ID + " and " + Keys.SECRET + " is wrong";
                problems.add(Keys.SECRET, refused);
                problems.add(Keys.PROJECT_ID, refused);
            } else {
                problems.add(Keys.BASE_URL, "the start-up check got HTTP " + e.statusCode() + " " + e.errorType()
                        + " from GET /v1/debug/whoami: is this the Stytch API?");
            }
        } catch (StytchUnavailableException e) {
            problems.add(Keys.BASE_URL, "the start-up check got no answer from the Stytch API: " + e.getMessage());
        }
        if (problems.isEmpty() && config.introspection().enabled()) {
            checkIntrospectionClient(config.introspection(), client, problems);
        }
        problems.throwIfAny();
    }

    private static void checkIntrospectionClient(IntrospectionSettings introspection, StytchClient client,
                                                 ConfigProblems problems) {
        try {
            client.connectedApps().introspect(NOT_A_TOKEN, introspection.clientId().orElseThrow(),
                    introspection.clientSecret().orElseThrow());
        } catch (StytchApiException e) {
            String refused = "Stytch refused the introspection client (HTTP " + e.statusCode() + " " + e.errorType()
                    + "): one of " + Keys.INTROSPECTION_CLIENT_ID + " and " + Keys.INTROSPECTION_CLIENT_SECRET
                    + " is wrong, or the client is not a Connected App of this project";
            problems.add(Keys.INTROSPECTION_CLIENT_SECRET, refused);
            problems.add(Keys.INTROSPECTION_CLIENT_ID, refused);
        } catch (StytchUnavailableException e) {
            problems.add(Keys.BASE_URL, "the start-up check got no answer from Stytch's introspection endpoint: "
                    + e.getMessage());
        }
    }
}
