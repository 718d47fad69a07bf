package io.github.stytchjakarta.testsupport;

import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A recipe for Weld SE containers without bean discovery: the given portable extensions (a fresh instance
 * per container, as a server creates one per deployment) and bean classes, to which each
 * {@link #start(Class[])} adds the test's own beans. Discovery is off so that a test's container holds
 * exactly the beans it names. Immutable and thread-safe; the containers it starts are not shared.
 */
public final class WeldTestContainer {

    private final List<Supplier<? extends Extension>> extensions;
    private final List<Class<?>> beans;

    private WeldTestContainer(List<Supplier<? extends Extension>> extensions, List<Class<?>> beans) {
        this.extensions = extensions;
        this.beans = beans;
    }

    /**
     * @param extension creates the portable extension of each container
     * @param beans     the bean classes of every container
     * @return the recipe
     */
    public static WeldTestContainer of(Supplier<? extends Extension> extension, Class<?>... beans) {
        return new WeldTestContainer(List.of(extension), List.of(beans));
    }

    /**
     * @param beans the test's bean classes, besides the recipe's
     * @return the running container; close it
     */
    public WeldContainer start(Class<?>... beans) {
        Weld weld = new Weld().disableDiscovery();
        extensions.forEach(extension -> weld.addExtension(extension.get()));
        return weld.addBeanClasses(this.beans.toArray(Class<?>[]::new))
                .addBeanClasses(beans)
                .initialize();
    }
}
