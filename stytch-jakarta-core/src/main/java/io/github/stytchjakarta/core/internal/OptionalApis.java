package io.github.stytchjakarta.core.internal;

/**
 * Whether an optional API (OpenTelemetry, MicroProfile Health) is visible, checked without loading any class of
 * ours that uses it: such a class would fail to load where the API is absent. Stateless and thread-safe.
 */
public final class OptionalApis {

    private OptionalApis() {
    }

    /**
     * @param className a class of the API, e.g. {@code io.opentelemetry.api.OpenTelemetry}
     * @param loader    the class loader of the code that would use it
     * @return whether the class can be loaded there
     */
    public static boolean isPresent(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
