package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.StytchAccessDeniedException;
import io.github.stytchjakarta.cdi.StytchNotAuthenticatedException;
import io.github.stytchjakarta.core.AuthorizationDecision;
import io.github.stytchjakarta.core.Permission;
import io.github.stytchjakarta.core.StytchApiException;
import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUnavailableException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Intercepted;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Enforces {@code @RequiresAuthentication}, {@code @RequiresRole}, {@code @RequiresScope},
 * {@code @RequiresPermission} and, on CDI beans, {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll}
 * ({@link SecurityRule}): an authenticated caller of any kind, then one of the roles (an access token has none),
 * then every scope (a session has none), then every permission (checked by core's {@link StytchAuthorizer} against
 * the cached RBAC policy, tenancy first: a session by its roles, an access token by its scopes). An access token
 * refused for its scopes gets the scopes that would grant the call ({@link StytchAccessDeniedException#scopes()}).
 * The rule of a method is read once ({@link SecurityRules}).
 *
 * <p>Priority {@link Interceptor.Priority#LIBRARY_BEFORE}: after the platform's interceptors that
 * must wrap everything (transactions), before application interceptors, so that no application
 * interceptor (caching, auditing, retries) runs for a refused call.
 *
 * <p>Serializable, so that passivating beans may use the annotations.
 */
@StytchSecured
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class StytchSecurityInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final System.Logger LOG = System.getLogger(StytchSecurityInterceptor.class.getName());

    @Inject
    @Intercepted
    private Bean<?> bean;

    @Inject
    private SecurityRules rules;

    @Inject
    private CurrentStytchSession current;

    @Inject
    private Instance<StytchAuthorizer> authorizer;

    @Inject
    private Instance<HttpServletRequest> request;

    /**
     * Checks the rule of the called method, then proceeds.
     *
     * @param invocation the invocation
     * @return what the method returns
     * @throws Exception what the method throws; {@link StytchNotAuthenticatedException},
     *                   {@link StytchAccessDeniedException} or {@link StytchUnavailableException} when refused
     */
    @AroundInvoke
    public Object enforce(InvocationContext invocation) throws Exception {
        Optional<SecurityRule> rule = rules.ruleFor(bean.getBeanClass(), invocation.getMethod());
        if (rule.isPresent()) {
            check(rule.get(), invocation);
        }
        return invocation.proceed();
    }

    private void check(SecurityRule rule, InvocationContext invocation) {
        Optional<StytchCaller> caller = caller();
        if (caller.isEmpty() && rule.containerCallers()) {
            Optional<HttpServletRequest> containerCaller = containerCaller();
            if (containerCaller.isPresent()) {
                checkRoles(rule, containerCaller.get()::isUserInRole, "the container's caller", invocation);
                return;
            }
        }
        StytchCaller principal = caller.orElseThrow(() -> {
            LOG.log(Level.DEBUG, () -> "anonymous call to " + describe(invocation) + " refused");
            return new StytchNotAuthenticatedException();
        });
        checkRoles(rule, current::hasRole, principal.getName(), invocation);
        if (!rule.scopes().isEmpty() && !authorizer.get().missingScopes(principal, rule.scopes()).isEmpty()) {
            // named to any caller, as the filter's scope rules do: they are what the request needs
            logRefusal(StytchAccessDeniedException.Reason.INSUFFICIENT_SCOPE, "the scopes " + rule.scopes(), principal.getName(),
                    invocation);
            throw StytchAccessDeniedException.insufficientScope(StytchAccessDeniedException.Reason.INSUFFICIENT_SCOPE,
                    "the scopes " + rule.scopes(), rule.scopes());
        }
        for (Permission permission : rule.permissions()) {
            AuthorizationDecision decision = decide(principal, permission, rule.organizationParameter(),
                    invocation.getParameters());
            if (decision.outcome() == AuthorizationDecision.Outcome.TENANCY_MISMATCH) {
                throw deny(StytchAccessDeniedException.Reason.TENANCY_MISMATCH, permission.toString(), principal,
                        List.of(), invocation);
            }
            if (!decision.granted()) {
                throw deny(StytchAccessDeniedException.Reason.PERMISSION_DENIED, permission.toString(), principal,
                        scopesGranting(principal, permission), invocation);
            }
        }
    }

    // a caller another mechanism of the application authenticated (Basic, form), on the container's request
    private Optional<HttpServletRequest> containerCaller() {
        if (!request.isResolvable()) {
            return Optional.empty();
        }
        try {
            HttpServletRequest servletRequest = request.get();
            return servletRequest.getUserPrincipal() != null ? Optional.of(servletRequest) : Optional.empty();
        } catch (IllegalStateException | ContextNotActiveException e) {
            return Optional.empty(); // not in a servlet request (Weld: WELD-000710)
        }
    }

    private static void checkRoles(SecurityRule rule, Predicate<String> holds, String caller, InvocationContext invocation) {
        if (rule.denyAll()) {
            throw deny(StytchAccessDeniedException.Reason.ROLE_MISSING, "@DenyAll", caller, invocation);
        }
        if (!rule.anyOfRoles().isEmpty() && rule.anyOfRoles().stream().noneMatch(holds)) {
            throw deny(StytchAccessDeniedException.Reason.ROLE_MISSING, "one of the roles " + rule.anyOfRoles(), caller,
                    invocation);
        }
    }

    private Optional<StytchCaller> caller() {
        try {
            return current.caller();
        } catch (ContextNotActiveException e) {
            // no request (a timer, an asynchronous call): nobody is authenticated
            return Optional.empty();
        }
    }

    private AuthorizationDecision decide(StytchCaller principal, Permission permission,
                                         int organizationParameter, Object[] arguments) {
        if (organizationParameter < 0) {
            return withPolicy(() -> authorizer.get().check(principal, permission));
        }
        if (!(arguments[organizationParameter] instanceof String organizationId) || organizationId.isBlank()) {
            return AuthorizationDecision.TENANCY_MISMATCH;
        }
        return withPolicy(() -> authorizer.get().checkInOrganization(principal, organizationId, permission));
    }

    // the scopes of which an access token would need one
    private List<String> scopesGranting(StytchCaller caller, Permission permission) {
        return withPolicy(() -> authorizer.get().scopesGranting(caller, permission));
    }

    private static <T> T withPolicy(Supplier<T> check) {
        try {
            return check.get();
        } catch (StytchApiException e) {
            // this application's fault (e.g. a wrong secret), not the caller's: 503 like the filter
            LOG.log(Level.WARNING, "Stytch refused the RBAC policy request: HTTP " + e.statusCode() + " " + e.errorType());
            throw new StytchUnavailableException("the RBAC policy is unavailable", null, null, e);
        }
    }

    private static StytchAccessDeniedException deny(StytchAccessDeniedException.Reason reason, String check,
                                                    String caller, InvocationContext invocation) {
        logRefusal(reason, check, caller, invocation);
        return new StytchAccessDeniedException(reason, check);
    }

    // a session is answered without scopes (its roles are what is missing); an access token with those it needs
    private static StytchAccessDeniedException deny(StytchAccessDeniedException.Reason reason, String check,
                                                    StytchCaller caller, List<String> scopes, InvocationContext invocation) {
        logRefusal(reason, check, caller.getName(), invocation);
        return caller instanceof StytchPrincipal ? new StytchAccessDeniedException(reason, check)
                : StytchAccessDeniedException.insufficientScope(reason, check, scopes);
    }

    private static void logRefusal(StytchAccessDeniedException.Reason reason, String check, String caller,
                                   InvocationContext invocation) {
        LOG.log(Level.DEBUG, () -> "call to " + describe(invocation) + " by " + caller + " refused: " + reason + " " + check);
    }

    private static String describe(InvocationContext invocation) {
        return invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName() + "()";
    }
}
