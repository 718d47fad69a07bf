package io.github.stytchjakarta.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@link SecurityRule} of each intercepted method, read by reflection on its first call and kept
 * for the life of the application. Keyed by bean class and method, because a class-level annotation of
 * a subclass applies to methods it inherits. Thread-safe.
 */
@ApplicationScoped
public class SecurityRules {

    private final ConcurrentMap<Key, Optional<SecurityRule>> rules = new ConcurrentHashMap<>();

    /**
     * The rule of a method called on a bean class.
     *
     * @param beanClass the bean class
     * @param method    the intercepted method
     * @return the rule, empty when no security annotation applies to the method, or {@code @PermitAll} does
     */
    public Optional<SecurityRule> ruleFor(Class<?> beanClass, Method method) {
        // annotations were validated at deployment by StytchExtension, so this cannot throw
        return rules.computeIfAbsent(new Key(beanClass, method), key -> SecurityRule.of(key.beanClass(), key.method()));
    }

    private record Key(Class<?> beanClass, Method method) {
    }
}
