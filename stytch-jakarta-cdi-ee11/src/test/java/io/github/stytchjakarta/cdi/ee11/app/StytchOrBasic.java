package io.github.stytchjakarta.cdi.ee11.app;

import io.github.stytchjakarta.cdi.StytchAuthenticationMechanism;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition.BasicAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's choice between its mechanisms (Jakarta Security 4): a request carrying a Stytch
 * credential goes to Stytch's mechanism, any other to Basic, which challenges only where the container
 * needs a caller. An alternative with a priority, so that it replaces the container's default handler.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class StytchOrBasic implements HttpAuthenticationMechanismHandler {

    @Inject
    @ViaStytch
    StytchAuthenticationMechanism stytch;

    @Inject
    @BasicAuthenticationMechanism
    HttpAuthenticationMechanism basic;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        return choose(request).validateRequest(request, response, context);
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        return choose(request).secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        choose(request).cleanSubject(request, response, context);
    }

    private HttpAuthenticationMechanism choose(HttpServletRequest request) {
        return stytch.hasCredential(request) ? stytch : basic;
    }
}
