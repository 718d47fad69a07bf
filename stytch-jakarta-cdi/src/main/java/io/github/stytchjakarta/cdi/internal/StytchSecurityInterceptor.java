package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.StytchAccessDeniedException;
import io.github.stytchjakarta.cdi.StytchNotAuthenticatedException;
import io.github.stytchjakarta.core.AuthorizationDecision;
import io.github.stytchjakarta.core.Permission;
import io.github.stytchjakarta.core.StytchApiException;
import io.github.stytchjakarta.core.StytchAuthorizer;
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
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Enforces {@code @RequiresAuthentication}, {@code @RequiresRole}, {@code @RequiresPermission} and, on CDI
 * beans, {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} ({@link SecurityRule}): an
 * authenticated caller, then one of the roles, then every permission (checked by core's
 * {@link StytchAuthorizer} against the cached RBAC policy, tenancy first). The rule of a method is read
 * once ({@link SecurityRules}).
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
        Optional<StytchPrincipal> caller = caller();
        if (caller.isEmpty() && rule.containerCallers()) {
            Optional<HttpServletRequest> containerCaller = containerCaller();
            if (containerCaller.isPresent()) {
                checkRoles(rule, containerCaller.get()::isUserInRole, "the container's caller", invocation);
                return;
            }
        }
        StytchPrincipal principal = caller.orElseThrow(() -> {
            LOG.log(Level.DEBUG, () -> "anonymous call to " + describe(invocation) + " refused");
            return new StytchNotAuthenticatedException();
        });
        checkRoles(rule, current::hasRole, principal.getName(), invocation);
        for (Permission permission : rule.permissions()) {
            AuthorizationDecision decision = decide(principal, permission, rule.organizationParameter(),
                    invocation.getParameters());
            if (!decision.granted()) {
                throw deny(decision.outcome() == AuthorizationDecision.Outcome.TENANCY_MISMATCH
                                ? StytchAccessDeniedException.Reason.TENANCY_MISMATCH
                                : StytchAccessDeniedException.Reason.PERMISSION_DENIED,
                        permission.toString(), principal.getName(), invocation);
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

    private Optional<StytchPrincipal> caller() {
        try {
            return current.principal();
        } catch (ContextNotActiveException e) {
            // no request (a timer, an asynchronous call): nobody is authenticated
            return Optional.empty();
        }
    }

    private AuthorizationDecision decide(StytchPrincipal principal, Permission permission,
                                         int organizationParameter, Object[] arguments) {
        try {
            if (organizationParameter < 0) {
                return authorizer.get().check(principal, permission);
            }
            if (!(arguments[organizationParameter] instanceof String organizationId) || organizationId.isBlank()) {
                return AuthorizationDecision.TENANCY_MISMATCH;
            }
            return authorizer.get().checkInOrganization(principal, organizationId, permission);
        } catch (StytchApiException e) {
            // this application's fault (e.g. a wrong secret), not the caller's: 503 like the filter
            LOG.log(Level.WARNING, "Stytch refused the RBAC policy request: HTTP " + e.statusCode() + " " + e.errorType());
            throw new StytchUnavailableException("the RBAC policy is unavailable", null, null, e);
        }
    }

    private static StytchAccessDeniedException deny(StytchAccessDeniedException.Reason reason, String check,
                                                    String caller, InvocationContext invocation) {
        LOG.log(Level.DEBUG, () -> "call to " + describe(invocation) + " by " + caller + " refused: "
                + reason + " " + check);
        return new StytchAccessDeniedException(reason, check);
    }

    private static String describe(InvocationContext invocation) {
        return invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName() + "()";
    }
}
