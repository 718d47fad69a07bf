package io.github.stytchjakarta.cdi.internal;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Fails the application's start on WildFly when its security domain is set up so that
 * {@link io.github.stytchjakarta.cdi.StytchAuthenticationMechanism} cannot work, naming the management command
 * to run, rather than letting every authenticated request end in a 500 (registered in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}; elsewhere it does nothing).
 *
 * <p>WildFly maps a deployment's security domain ({@code other} unless {@code jboss-web.xml} names one) to an
 * Undertow {@code application-security-domain}. With its default {@code integrated-jaspi=true}, Elytron looks the
 * caller a Jakarta Security mechanism names up in its own security realm: a Stytch member is not there, and
 * {@code notifyContainerAboutLogin} fails with {@code ELY01177: Authorization failed}. No deployment descriptor
 * avoids it (WildFly gives its non-integrated virtual domain only to OIDC and MP-JWT deployments). With
 * {@code enable-jaspi=false} no Jakarta Security mechanism runs at all.
 *
 * <p>WildFly's jmx subsystem exposes its management model as MBeans in the platform MBeanServer (its default
 * {@code expose-resolved-model}). The domain a deployment uses lists it in its {@code referencing-deployments}
 * once Undertow has set the deployment up, so this runs as the servlet context starts, not during CDI's
 * validation, when that list is still empty. Where the model cannot be read (a jmx subsystem without it,
 * role-based access) or not yet (while WildFly boots with the application in place: its model is published once
 * the boot ends), the start goes on, and the mechanism answers every caller the server refuses with a 500 and logs
 * {@link #advice()}: nothing is served anonymously. Stateless.
 */
public final class WildFlySecurityDomainCheck implements ServletContainerInitializer {

    private static final System.Logger LOG = System.getLogger(WildFlySecurityDomainCheck.class.getName());
    /** Set by WildFly (and JBoss EAP): only there is its management model read. */
    private static final String WILDFLY_HOME = "jboss.home.dir";
    private static final String ROOT = "jboss.as:management-root=server";
    private static final String BOOTING = "starting";
    private static final String UNDERTOW = "jboss.as:subsystem=undertow";
    private static final String DOMAIN_KEY = "application-security-domain";
    private static final String DEPLOYMENT_LOADER_PREFIX = "deployment.";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        if (System.getProperty(WILDFLY_HOME) == null || !mechanismEnabled()) {
            return;
        }
        List<String> problems;
        try {
            problems = problems(ManagementFactory.getPlatformMBeanServer(), deploymentName(context.getClassLoader()));
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.DEBUG, "WildFly's application-security-domain cannot be read yet: " + e.getClass().getName());
            return;
        }
        if (!problems.isEmpty()) {
            throw new ServletException(String.join("; ", problems));
        }
    }

    /**
     * What to change where the server refused a caller the mechanism authenticated: while WildFly boots its model
     * cannot be read, so a server started with the application in place gets this far.
     *
     * @return on WildFly, the settings of the application's domain to change, each naming the command; otherwise,
     *         or where the model shows nothing to change, what to look at
     */
    public static String advice() {
        if (System.getProperty(WILDFLY_HOME) != null) {
            try {
                List<String> problems = problems(ManagementFactory.getPlatformMBeanServer(),
                        deploymentName(Thread.currentThread().getContextClassLoader()));
                if (!problems.isEmpty()) {
                    return String.join("; ", problems);
                }
            } catch (JMException | RuntimeException e) {
                LOG.log(Level.DEBUG, "WildFly's model cannot be read: " + e.getClass().getName());
            }
        }
        return "a Jakarta Security mechanism must be able to name callers the server's own identity stores do not know "
                + "(on WildFly: integrated-jaspi=false on the application's Undertow application-security-domain)";
    }

    /**
     * @param server     WildFly's MBeanServer (the platform one)
     * @param deployment the deployment's name, e.g. {@code app.war}
     * @return what to change, each naming the management command; empty where the settings suit the mechanism,
     *         where the server has no Undertow application security domain for the deployment, or while it boots
     * @throws JMException where the management model cannot be read
     */
    static List<String> problems(MBeanServer server, String deployment) throws JMException {
        ObjectName undertow = new ObjectName(UNDERTOW);
        ObjectName root = new ObjectName(ROOT);
        if (!server.isRegistered(undertow) || !server.isRegistered(root)
                || BOOTING.equals(server.getAttribute(root, "serverState"))) {
            return List.of(); // not WildFly, or its model is not published yet (reading it would log an error)
        }
        Map<String, ObjectName> domains = new HashMap<>();
        String used = null;
        for (ObjectName domain : server.queryNames(new ObjectName(UNDERTOW + "," + DOMAIN_KEY + "=*"), null)) {
            String key = domain.getKeyProperty(DOMAIN_KEY);
            String name = key.startsWith("\"") ? ObjectName.unquote(key) : key;
            domains.put(name, domain);
            if (server.getAttribute(domain, "referencingDeployments") instanceof Object[] users
                    && Arrays.asList(users).contains(deployment)) {
                used = name;
            }
        }
        if (used == null) {
            used = String.valueOf(server.getAttribute(undertow, "defaultSecurityDomain"));
        }
        ObjectName resource = domains.get(used);
        if (resource == null) {
            return List.of(); // not an Elytron application security domain: WildFly itself refuses the deployment
        }
        List<String> problems = new ArrayList<>();
        if (isTrue(server.getAttribute(resource, "integratedJaspi"))) {
            problems.add(problem(used, "integrated-jaspi=true", "Elytron refuses every Stytch caller, who is not in its "
                    + "own security realm (ELY01177: Authorization failed)", "integrated-jaspi", false));
        }
        if (!isTrue(server.getAttribute(resource, "enableJaspi"))) {
            problems.add(problem(used, "enable-jaspi=false", "no Jakarta Security authentication mechanism runs",
                    "enable-jaspi", true));
        }
        return problems;
    }

    private static String deploymentName(ClassLoader deployment) {
        String name = deployment == null ? null : deployment.getName();
        return name != null && name.startsWith(DEPLOYMENT_LOADER_PREFIX) ? name.substring(DEPLOYMENT_LOADER_PREFIX.length()) : "";
    }

    private static boolean mechanismEnabled() {
        try {
            return CDI.current().getBeanManager().getExtension(StytchExtension.class).mechanismEnabled();
        } catch (IllegalStateException | IllegalArgumentException e) {
            return false; // no CDI in this application, or not our extension: no mechanism
        }
    }

    // an undefined attribute has WildFly's default, true for both; the expression model would give strings
    private static boolean isTrue(Object value) {
        return value == null || Boolean.parseBoolean(String.valueOf(value));
    }

    private static String problem(String domain, String setting, String consequence, String attribute, boolean value) {
        return "WildFly's Undertow application-security-domain '" + domain + "' has " + setting + ": " + consequence
                + ". Run in jboss-cli.sh, then reload: /subsystem=undertow/" + DOMAIN_KEY + "=" + domain
                + ":write-attribute(name=" + attribute + ",value=" + value + ")";
    }
}
