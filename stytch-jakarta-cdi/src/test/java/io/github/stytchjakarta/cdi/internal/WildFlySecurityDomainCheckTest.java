package io.github.stytchjakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * What the check reads from WildFly's management model, as WildFly's jmx subsystem exposes it (attribute names in
 * camel case, booleans as {@code Boolean}, expressions as strings), in an MBeanServer of the test's own.
 */
class WildFlySecurityDomainCheckTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void problemsWhenNotWildFlyThenNone() throws JMException {
        assertThat(WildFlySecurityDomainCheck.problems(server, "app.war")).isEmpty();
    }

    @Test
    void problemsWhenDefaultDomainIntegratedThenNamesTheCommand() throws JMException {
        undertow("other");
        domain("other", true, true);
        assertThat(WildFlySecurityDomainCheck.problems(server, "app.war")).singleElement().asString()
                .contains("application-security-domain 'other' has integrated-jaspi=true", "ELY01177")
                .endsWith("/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)");
    }

    @Test
    void problemsWhenUndefinedThenWildFlyDefaultsApply() throws JMException {
        undertow("other");
        domain("other", null, null);
        assertThat(WildFlySecurityDomainCheck.problems(server, "app.war")).singleElement().asString()
                .contains("integrated-jaspi=true");
    }

    @Test
    void problemsWhenNotIntegratedThenNone() throws JMException {
        undertow("other");
        domain("other", false, true);
        assertThat(WildFlySecurityDomainCheck.problems(server, "app.war")).isEmpty();
    }

    @Test
    void problemsWhenGivenAsExpressionStringsThenRead() throws JMException {
        undertow("other");
        domain("other", "false", "false");
        assertThat(WildFlySecurityDomainCheck.problems(server, "app.war")).singleElement().asString()
                .contains("enable-jaspi=false")
                .endsWith("write-attribute(name=enable-jaspi,value=true)");
    }

    @Test
    void problemsWhenDeploymentNamesItsOwnDomainThenThatDomainRead() throws JMException {
        undertow("other");
        domain("other", true, true);
        domain("stytch", false, true, "app.war");
        assertThat(WildFlySecurityDomainCheck.problems(server, "app.war")).isEmpty();
        assertThat(WildFlySecurityDomainCheck.problems(server, "other.war")).singleElement().asString()
                .contains("'other'");
    }

    @Test
    void problemsWhenDomainNotMappedThenNone() throws JMException {
        undertow("legacy");
        domain("other", true, true);
        assertThat(WildFlySecurityDomainCheck.problems(server, "app.war")).isEmpty();
    }

    @Test
    void problemsWhenServerBootingThenNotRead() throws JMException {
        undertow("other", "starting");
        domain("other", true, true);
        assertThat(WildFlySecurityDomainCheck.problems(server, "app.war")).isEmpty();
    }

    private void undertow(String defaultSecurityDomain) throws JMException {
        undertow(defaultSecurityDomain, "running");
    }

    private void undertow(String defaultSecurityDomain, String serverState) throws JMException {
        server.registerMBean(new Resource(Map.of("serverState", serverState)), new ObjectName("jboss.as:management-root=server"));
        server.registerMBean(new Resource(Map.of("defaultSecurityDomain", defaultSecurityDomain)),
                new ObjectName("jboss.as:subsystem=undertow"));
    }

    private void domain(String name, Object integratedJaspi, Object enableJaspi, String... deployments) throws JMException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("integratedJaspi", integratedJaspi);
        attributes.put("enableJaspi", enableJaspi);
        attributes.put("referencingDeployments", deployments);
        server.registerMBean(new Resource(attributes),
                new ObjectName("jboss.as:subsystem=undertow,application-security-domain=" + name));
    }

    /** A management resource as WildFly exposes it: read-only attributes, an undefined one {@code null}. */
    private record Resource(Map<String, Object> attributes) implements DynamicMBean {

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            if (!attributes.containsKey(attribute)) {
                throw new AttributeNotFoundException(attribute);
            }
            return attributes.get(attribute);
        }

        @Override
        public void setAttribute(Attribute attribute) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AttributeList getAttributes(String[] names) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AttributeList setAttributes(AttributeList list) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object invoke(String action, Object[] params, String[] signature) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            return new MBeanInfo(Resource.class.getName(), "a management resource", new MBeanAttributeInfo[0], null, null, null);
        }
    }
}
