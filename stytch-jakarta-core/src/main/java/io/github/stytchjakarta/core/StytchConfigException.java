package io.github.stytchjakarta.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration is invalid. Lists every problem found, each naming its key; never contains a
 * configured value, so the secret cannot leak through it.
 */
public final class StytchConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems the problems; must not be {@code null} or empty
     */
    public StytchConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems, in the order they were found.
     *
     * @return an unmodifiable list, never empty
     */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one problem");
        }
        return "Invalid Stytch configuration: " + problems.stream()
                .map(ConfigProblem::toString)
                .collect(Collectors.joining("; "));
    }
}
