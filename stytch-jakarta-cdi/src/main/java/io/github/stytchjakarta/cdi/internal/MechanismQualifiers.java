package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.cdi.StytchAuthenticationMechanismDefinition;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The qualifiers of the {@code StytchAuthenticationMechanism} bean, from
 * {@link StytchAuthenticationMechanismDefinition#qualifiers()}, the way Jakarta Security 4 (Soteria) qualifies
 * the beans of its built-in definitions: the listed qualifiers and {@code @Any}; {@code @Default} only where
 * none are listed, or where the server's Jakarta Security is 3.0 (EE 10), whose container looks the one
 * mechanism up as a {@code @Default} bean and would not find it otherwise.
 *
 * <p>This module compiles against Jakarta Security 3.0 and must load on EE 10 servers, so Security 4 is
 * recognised by the name of a type it added ({@value #SECURITY_4_TYPE}), never referenced. The annotation
 * instances CDI needs for the bean attributes are dynamic proxies following the {@link Annotation}
 * contract (equality and hash by members), since the types are known only from the application's
 * definition. Stateless; thread-safe.
 */
final class MechanismQualifiers {

    /** {@code HttpAuthenticationMechanismHandler}: present from Jakarta Security 4.0 (EE 11) on. */
    static final String SECURITY_4_TYPE =
            "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler";

    private MechanismQualifiers() {
    }

    /**
     * Whether the server's Jakarta Security API is 4.0 or later.
     *
     * @return {@code true} on Jakarta EE 11 servers
     */
    static boolean securityFour() {
        return handlerType().isPresent();
    }

    /**
     * Jakarta Security 4's {@code HttpAuthenticationMechanismHandler}, where the server has it.
     *
     * @return the type, empty on Jakarta EE 10 servers
     */
    static Optional<Class<?>> handlerType() {
        try {
            return Optional.of(Class.forName(SECURITY_4_TYPE, false, HttpAuthenticationMechanism.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * The bean's qualifiers.
     *
     * @param declared     the types of {@link StytchAuthenticationMechanismDefinition#qualifiers()}, not empty
     * @param securityFour whether the server's Jakarta Security is 4.0 or later
     * @param isQualifier  the container's view of which annotation types are qualifiers
     * @return the qualifiers to give the bean
     * @throws IllegalArgumentException naming a type that is not a qualifier, or a qualifier member without
     *                                  a default value
     */
    static Set<Annotation> of(Collection<Class<?>> declared, boolean securityFour,
                              Predicate<Class<? extends Annotation>> isQualifier) {
        Set<Annotation> qualifiers = new LinkedHashSet<>();
        for (Class<?> type : declared) {
            if (!type.isAnnotation() || !isQualifier.test(type.asSubclass(Annotation.class))) {
                throw new IllegalArgumentException("@" + StytchAuthenticationMechanismDefinition.class.getSimpleName()
                        + "(qualifiers): " + type.getName() + " is not a CDI qualifier annotation");
            }
            qualifiers.add(instance(type.asSubclass(Annotation.class)));
        }
        qualifiers.add(Any.Literal.INSTANCE);
        if (!securityFour) {
            qualifiers.add(Default.Literal.INSTANCE);
        }
        return qualifiers;
    }

    /**
     * An instance of an annotation type with every member at its default value.
     *
     * @param type the annotation type
     * @param <A>  the annotation type
     * @return the instance
     * @throws IllegalArgumentException if a member has no default value
     */
    static <A extends Annotation> A instance(Class<A> type) {
        Map<Method, Object> members = new LinkedHashMap<>();
        for (Method member : type.getDeclaredMethods()) {
            Object value = member.getDefaultValue();
            if (value == null) {
                throw new IllegalArgumentException("@" + StytchAuthenticationMechanismDefinition.class.getSimpleName()
                        + "(qualifiers): " + type.getName() + "." + member.getName() + "() has no default value");
            }
            member.setAccessible(true);
            members.put(member, value);
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new AnnotationHandler(type, members)));
    }

    private record AnnotationHandler(Class<? extends Annotation> type, Map<Method, Object> members)
            implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws IllegalAccessException {
            return switch (method.getName()) {
                case "annotationType" -> type;
                case "equals" -> arguments != null && arguments.length == 1 && isEqual(arguments[0]);
                case "hashCode" -> hash();
                case "toString" -> "@" + type.getName() + members.entrySet().stream()
                        .map(member -> member.getKey().getName() + "=" + text(member.getValue()))
                        .collect(Collectors.joining(", ", "(", ")"));
                default -> copy(members.get(method));
            };
        }

        private boolean isEqual(Object other) throws IllegalAccessException {
            if (!type.isInstance(other)) {
                return false;
            }
            for (Map.Entry<Method, Object> member : members.entrySet()) {
                try {
                    if (!Arrays.deepEquals(new Object[] {member.getValue()}, new Object[] {member.getKey().invoke(other)})) {
                        return false;
                    }
                } catch (InvocationTargetException e) {
                    return false;
                }
            }
            return true;
        }

        // Annotation#hashCode: the sum of (127 * name.hashCode()) ^ value hash over the members
        private int hash() {
            int hash = 0;
            for (Map.Entry<Method, Object> member : members.entrySet()) {
                hash += (127 * member.getKey().getName().hashCode()) ^ valueHash(member.getValue());
            }
            return hash;
        }

        // the value's hashCode, Arrays.hashCode for an array: deepHashCode of a one-element array is 31 + that
        private static int valueHash(Object value) {
            return Arrays.deepHashCode(new Object[] {value}) - 31;
        }

        private static Object copy(Object value) {
            if (value != null && value.getClass().isArray()) {
                int length = Array.getLength(value);
                Object copy = Array.newInstance(value.getClass().getComponentType(), length);
                System.arraycopy(value, 0, copy, 0, length);
                return copy;
            }
            return value;
        }

        private static String text(Object value) {
            String text = Arrays.deepToString(new Object[] {value});
            return text.substring(1, text.length() - 1);
        }
    }
}
