package io.github.stytchjakarta.core.internal.config;

import io.github.stytchjakarta.core.ConfigSource;
import io.github.stytchjakarta.core.StytchConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The set of {@code stytch.*} keys a module understands, and the check that turns every other
 * {@code stytch.*} key into a start-up problem: a misspelt key ({@code stytch.web.permission}) would
 * otherwise be ignored silently and leave the setting it was meant to change at its default, which for a
 * security setting means unprotected.
 *
 * <ul>
 *   <li>An unknown key is a {@link ConfigProblems problem} naming it and, when a known key is within a few
 *       edits, the key that was probably meant. With {@value #UNKNOWN_KEYS}{@code =warn} (for keys of a
 *       newer version of the library, say) it is a warning instead.</li>
 *   <li>Environment variables are shared with other tools (a frontend's {@code STYTCH_PUBLIC_TOKEN}), so a
 *       {@code STYTCH_*} variable that maps to no key is only ever a warning, and the names in
 *       {@link #TOLERATED_ENVIRONMENT_VARIABLES} are not reported at all.</li>
 * </ul>
 * Keys are compared exactly: MicroProfile Config's names are case-sensitive, and so are ours. Messages
 * never contain a configured value.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfigKeys {

    /** The prefix of every key of the library. */
    public static final String PREFIX = "stytch.";

    /** {@code false} switches stytch-jakarta off in an application (no filter, no mechanism); default {@code true}. */
    public static final String ENABLED = "stytch.enabled";

    /** What an unknown {@code stytch.*} key is: {@code fail} (a start-up problem) or {@code warn}. */
    public static final String UNKNOWN_KEYS = "stytch.config.unknown-keys";

    /** Default for {@value #ENABLED}: on wherever a module of the library is in the application. */
    public static final boolean DEFAULT_ENABLED = true;

    /** Default for {@value #UNKNOWN_KEYS}: {@link UnknownKeyPolicy#FAIL}. */
    public static final UnknownKeyPolicy DEFAULT_UNKNOWN_KEYS = UnknownKeyPolicy.FAIL;

    /**
     * {@code STYTCH_*} environment variables that other Stytch tooling uses and that are never reported:
     * the frontend SDKs' public token, the project environment name of Stytch's example apps and the
     * Stytch CLI's workspace credentials.
     */
    public static final Set<String> TOLERATED_ENVIRONMENT_VARIABLES = Set.of("STYTCH_PUBLIC_TOKEN",
            "STYTCH_PROJECT_ENV", "STYTCH_WORKSPACE_KEY_ID", "STYTCH_WORKSPACE_KEY_SECRET");

    /** The largest edit distance at which a known key is suggested for an unknown one. */
    public static final int MAX_SUGGESTION_DISTANCE = 3;

    private static final String ENVIRONMENT_PREFIX = "STYTCH_";

    /** What an unknown key is. */
    public enum UnknownKeyPolicy {
        /** A start-up problem. */
        FAIL,
        /** A warning; the key is ignored. */
        WARN
    }

    private final Set<String> keys;
    private final List<String> prefixes;

    private ConfigKeys(Collection<String> keys, Collection<String> prefixes) {
        Set<String> all = new TreeSet<>(keys);
        all.add(ENABLED);
        all.add(UNKNOWN_KEYS);
        this.keys = Set.copyOf(all);
        this.prefixes = List.copyOf(prefixes);
    }

    /**
     * The keys of core ({@link StytchConfig.Keys#ALL}) and the ones every module shares.
     *
     * @return the key set
     */
    public static ConfigKeys core() {
        return new ConfigKeys(StytchConfig.Keys.ALL, List.of());
    }

    /**
     * These keys plus more.
     *
     * @param moreKeys     exact keys; must not be {@code null}
     * @param morePrefixes prefixes under which any key is known, e.g. {@code stytch.roles.mapping.}; must
     *                     not be {@code null}
     * @return a new key set
     */
    public ConfigKeys with(Collection<String> moreKeys, Collection<String> morePrefixes) {
        List<String> allKeys = new ArrayList<>(keys);
        allKeys.addAll(moreKeys);
        List<String> allPrefixes = new ArrayList<>(prefixes);
        allPrefixes.addAll(morePrefixes);
        return new ConfigKeys(allKeys, allPrefixes);
    }

    /**
     * Whether a key is one of these.
     *
     * @param key a key; must not be {@code null}
     * @return {@code true} if known
     */
    public boolean isKnown(String key) {
        if (keys.contains(key)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the names a configuration defines: every {@code stytch.*} name that is not a known key is
     * recorded as a problem in the reader's {@link ConfigProblems}, or returned as a warning when
     * {@value #UNKNOWN_KEYS} is {@code warn}. Names outside {@code stytch.} are not looked at.
     *
     * @param names  the names the configuration defines; must not be {@code null}
     * @param reader reads {@value #UNKNOWN_KEYS} and records problems; must not be {@code null}
     * @return the warnings to log (empty unless the policy is {@code warn})
     */
    public List<String> check(Collection<String> names, ConfigReader reader) {
        UnknownKeyPolicy policy = reader.enumValue(UNKNOWN_KEYS, UnknownKeyPolicy.class).orElse(DEFAULT_UNKNOWN_KEYS);
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            if (!name.startsWith(PREFIX) || isKnown(name)) {
                continue;
            }
            String message = "is not a stytch-jakarta key" + suggestion(name).map(key -> " (did you mean " + key + "?)")
                    .orElse("");
            if (policy == UnknownKeyPolicy.WARN) {
                warnings.add(name + ": " + message + "; ignored");
            } else {
                reader.problems().add(name, message + "; set " + UNKNOWN_KEYS + "=warn to tolerate keys of other versions");
            }
        }
        return warnings;
    }

    /**
     * Warnings for {@code STYTCH_*} environment variables that map to no key (never problems: other tools
     * use the prefix too); {@link #TOLERATED_ENVIRONMENT_VARIABLES} are not reported.
     *
     * @param environment the environment variables by name; must not be {@code null}
     * @return one warning per variable, naming it and, where one is close, the variable probably meant
     */
    public List<String> environmentWarnings(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        List<String> warnings = new ArrayList<>();
        for (String variable : new TreeSet<>(environment.keySet())) {
            if (!variable.startsWith(ENVIRONMENT_PREFIX) || TOLERATED_ENVIRONMENT_VARIABLES.contains(variable)
                    || keys.stream().anyMatch(key -> ConfigSource.environmentName(key).equals(variable))) {
                continue;
            }
            if (prefixes.stream().anyMatch(prefix -> variable.startsWith(ConfigSource.environmentName(prefix)))) {
                warnings.add("environment variable " + variable + " is ignored: keys under a prefix such as "
                        + String.join(", ", prefixes) + " cannot be read from the environment (for role mappings use "
                        + ConfigSource.environmentName("stytch.roles.mapping") + ")");
                continue;
            }
            Optional<String> meant = closest(variable, keys.stream().map(ConfigSource::environmentName).toList());
            warnings.add("environment variable " + variable + " maps to no stytch-jakarta key and is ignored"
                    + meant.map(name -> " (did you mean " + name + "?)").orElse(""));
        }
        return warnings;
    }

    /**
     * The known key closest to an unknown one, if any is within {@value #MAX_SUGGESTION_DISTANCE} edits.
     *
     * @param unknown an unknown key; must not be {@code null}
     * @return the suggestion
     */
    public Optional<String> suggestion(String unknown) {
        List<String> candidates = new ArrayList<>(keys);
        for (String prefix : prefixes) {
            // stytch.roles.mappings.admin -> stytch.roles.mapping.admin
            int dot = unknown.lastIndexOf('.');
            if (dot > 0) {
                candidates.add(prefix + unknown.substring(dot + 1));
            }
        }
        return closest(unknown, candidates);
    }

    private static Optional<String> closest(String unknown, Collection<String> candidates) {
        String best = null;
        int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
        for (String candidate : new TreeSet<>(candidates)) {
            int distance = distance(unknown, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    // Levenshtein distance, one row at a time
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
