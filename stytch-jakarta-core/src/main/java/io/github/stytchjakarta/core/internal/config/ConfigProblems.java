package io.github.stytchjakarta.core.internal.config;

import io.github.stytchjakarta.core.ConfigProblem;
import io.github.stytchjakarta.core.StytchConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects configuration problems so that all of them are reported together, naming their keys.
 *
 * <p>Core records its problems here while reading {@link StytchConfig}; the filter and CDI modules
 * add the problems of their own keys to the same collection and call {@link #throwIfAny()} once.
 *
 * <p>Not thread-safe: meant for one configuration pass on one thread.
 */
public final class ConfigProblems {

    private final List<ConfigProblem> problems = new ArrayList<>();

    /**
     * Records a problem, unless one was already recorded for the key (the first is the most precise).
     *
     * @param key     the key at fault; must not be {@code null}
     * @param message what is wrong, without the configured value; must not be {@code null}
     */
    public void add(String key, String message) {
        for (ConfigProblem problem : problems) {
            if (problem.key().equals(key)) {
                return;
            }
        }
        problems.add(new ConfigProblem(key, message));
    }

    /**
     * Records each of the problems, as {@link #add} does.
     *
     * @param others problems found elsewhere, e.g. by another module's reader; must not be {@code null}
     */
    public void addAll(List<ConfigProblem> others) {
        others.forEach(problem -> add(problem.key(), problem.message()));
    }

    /**
     * Builds a configuration, recording the problems its validation finds instead of throwing them, so
     * that the values that could be read are validated too and every problem is reported at once.
     *
     * @param build the builder's {@code build()}; must not be {@code null}
     * @param <T>   the configuration
     * @return the configuration, or empty when its validation found problems
     */
    public <T> Optional<T> validated(Supplier<T> build) {
        try {
            return Optional.of(build.get());
        } catch (StytchConfigException e) {
            addAll(e.problems());
            return Optional.empty();
        }
    }

    /**
     * Whether no problem was recorded.
     *
     * @return {@code true} when the configuration read so far is valid
     */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /**
     * The problems recorded so far, in the order they were found.
     *
     * @return an unmodifiable copy
     */
    public List<ConfigProblem> list() {
        return List.copyOf(problems);
    }

    /**
     * Throws when any problem was recorded.
     *
     * @throws StytchConfigException listing every recorded problem
     */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new StytchConfigException(list());
        }
    }
}
