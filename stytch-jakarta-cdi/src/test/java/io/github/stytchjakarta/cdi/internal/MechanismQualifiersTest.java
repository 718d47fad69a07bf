package io.github.stytchjakarta.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Qualifier;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The qualifiers of the mechanism's bean on Jakarta Security 3 and 4, and the annotation instances behind them. */
class MechanismQualifiersTest {

    @Test
    void ofWhenSecurityFourThenQualifiersAndAnyWithoutDefault() {
        Set<Annotation> qualifiers = MechanismQualifiers.of(List.of(Mechanism.class), true, type -> true);

        assertThat(qualifiers).containsExactlyInAnyOrder(declared(), Any.Literal.INSTANCE);
    }

    @Test
    void ofWhenSecurityThreeThenDefaultKeptBesideThem() {
        Set<Annotation> qualifiers = MechanismQualifiers.of(List.of(Mechanism.class), false, type -> true);

        assertThat(qualifiers).containsExactlyInAnyOrder(declared(), Any.Literal.INSTANCE, Default.Literal.INSTANCE);
    }

    @Test
    void ofWhenNotAnAnnotationThenRefusedByName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MechanismQualifiers.of(List.of(String.class), true, type -> true))
                .withMessageContaining("java.lang.String is not a CDI qualifier annotation");
    }

    @Test
    void instanceWhenMembersHaveDefaultsThenEqualToTheCompilersInstance() {
        Mechanism instance = MechanismQualifiers.instance(Mechanism.class);
        Mechanism declared = declared();

        assertThat(instance).isEqualTo(declared).hasSameHashCodeAs(declared);
        assertThat(declared).isEqualTo(instance);
        assertThat(instance.annotationType()).isEqualTo(Mechanism.class);
        assertThat(instance.value()).isEqualTo("stytch");
        assertThat(instance.schemes()).containsExactly("Bearer", "Cookie");
        assertThat(instance).isNotEqualTo(Other.class.getAnnotation(Mechanism.class));
        assertThat(instance.toString()).contains(Mechanism.class.getName(), "stytch");
    }

    @Test
    void instanceWhenMemberWithoutDefaultThenRefusedNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MechanismQualifiers.instance(Named.class))
                .withMessageContaining(Named.class.getName() + ".value() has no default value");
    }

    @Test
    void securityFourWhenBuiltAgainstSecurityThreeThenFalse() {
        assertThat(MechanismQualifiers.securityFour()).isFalse();
    }

    private static Mechanism declared() {
        return Declared.class.getAnnotation(Mechanism.class);
    }

    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @interface Mechanism {

        String value() default "stytch";

        String[] schemes() default {"Bearer", "Cookie"};
    }

    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @interface Named {

        String value();
    }

    @Mechanism
    private static final class Declared {
    }

    @Mechanism("other")
    private static final class Other {
    }
}
