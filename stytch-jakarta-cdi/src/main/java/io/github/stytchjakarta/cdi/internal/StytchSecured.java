package io.github.stytchjakarta.cdi.internal;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one interceptor binding behind the public security annotations: {@link StytchExtension} adds it
 * wherever {@code @RequiresAuthentication}, {@code @RequiresRole} or {@code @RequiresPermission} appear,
 * so that a single {@link StytchSecurityInterceptor} applies the "method replaces class" rule and the
 * repeated permissions itself, instead of relying on how CDI merges and repeats bindings.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StytchSecured {

    /** The annotation instance, for adding the binding to annotated types. */
    final class Literal extends AnnotationLiteral<StytchSecured> implements StytchSecured {

        /** The one instance. */
        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
