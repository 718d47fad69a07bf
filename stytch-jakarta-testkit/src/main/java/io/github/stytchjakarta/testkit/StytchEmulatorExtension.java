package io.github.stytchjakarta.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one started {@link StytchEmulator} per test class (shared by its {@code @Nested} classes),
 * closed after the class. Before each test it clears the faults and the request log, so that tests do not see each
 * other's; seeded data and keys stay.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();
 * ... STYTCH.emulator() ...
 *
 * // or
 * &#64;ExtendWith(StytchEmulatorExtension.class)
 * class MyTest {
 *     MyTest(StytchEmulator emulator) { ... }                 // constructor, lifecycle method or test parameters
 *     &#64;Test void works(StytchEmulator emulator) { ... }
 * }
 * </pre>
 *
 * Register it in a {@code static} field (or with {@code @ExtendWith}): JUnit calls the class-level callbacks only
 * for those. Thread-safe.
 */
public final class StytchEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StytchEmulatorExtension.class);
    private static final String KEY = "emulator";

    private final Consumer<StytchEmulator.Builder> configuration;
    private volatile StytchEmulator emulator;

    /**
     * An extension whose emulators use every default.
     */
    public StytchEmulatorExtension() {
        this(builder -> {
        });
    }

    /**
     * @param configuration configures each emulator before it is built, e.g.
     *                      {@code b -> b.issuerStyle(IssuerStyle.BASE_URL)}
     */
    public StytchEmulatorExtension(Consumer<StytchEmulator.Builder> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /**
     * @return the emulator of the running test class
     * @throws IllegalStateException outside a test class's lifetime
     */
    public StytchEmulator emulator() {
        StytchEmulator current = emulator;
        if (current == null) {
            throw new IllegalStateException("The emulator exists while its test class runs");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = emulatorOf(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        StytchEmulator created = context.getStore(NAMESPACE).remove(KEY, StytchEmulator.class);
        if (created != null) {
            created.close();
            emulator = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        StytchEmulator current = emulatorOf(context);
        current.faults().clear();
        current.requestLog().clear();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == StytchEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return emulatorOf(extensionContext);
    }

    /** The emulator of the context's test class (or an enclosing class), started on first use. */
    private StytchEmulator emulatorOf(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> {
            StytchEmulator.Builder builder = StytchEmulator.builder();
            configuration.accept(builder);
            return builder.build().start();
        }, StytchEmulator.class);
    }
}
