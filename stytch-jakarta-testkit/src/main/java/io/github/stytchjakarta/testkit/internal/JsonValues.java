package io.github.stytchjakarta.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Helpers for JSON-like Java values (String, Number, Boolean, null, List, Map with String keys): deep immutable
 * copies and the Stytch custom-claims merge.
 */
public final class JsonValues {

    /** Registered JWT claims that custom claims may not set; Stytch ignores them. */
    public static final Set<String> RESERVED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    /** The prefix of Stytch's own claims ({@code https://stytch.com/session}, ...). */
    public static final String STYTCH_CLAIM_PREFIX = "https://stytch.com/";

    private JsonValues() {
    }

    /**
     * @param name a claim name
     * @return whether custom claims may not use it (registered or Stytch's own)
     */
    public static boolean isReservedClaim(String name) {
        return RESERVED_CLAIMS.contains(name) || name.startsWith(STYTCH_CLAIM_PREFIX);
    }

    /**
     * @param object a JSON-like object; {@code null} gives an empty map
     * @return a deep, unmodifiable, order-preserving copy
     * @throws IllegalArgumentException if a value is not JSON-like
     */
    public static Map<String, Object> immutableObject(Map<String, ?> object) {
        if (object == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((name, value) -> copy.put(name, immutableValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Merges a patch into custom claims the way Stytch does: a new key adds, a value replaces, {@code null} deletes,
     * nested objects merge the same way; reserved claims are ignored.
     *
     * @param current the current claims
     * @param patch   the patch
     * @return the merged claims, deep and unmodifiable
     */
    public static Map<String, Object> mergeClaims(Map<String, Object> current, Map<String, ?> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        patch.forEach((name, value) -> {
            if (!RESERVED_CLAIMS.contains(name)) {
                mergeInto(merged, name, value);
            }
        });
        return immutableObject(merged);
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> target, String name, Object value) {
        if (value == null) {
            target.remove(name);
        } else if (value instanceof Map<?, ?> patchObject) {
            Map<String, Object> nested = target.get(name) instanceof Map<?, ?> existing
                    ? new LinkedHashMap<>((Map<String, Object>) existing)
                    : new LinkedHashMap<>();
            ((Map<String, Object>) patchObject).forEach((key, nestedValue) -> mergeInto(nested, key, nestedValue));
            target.put(name, nested);
        } else {
            target.put(name, value);
        }
    }

    private static Object immutableValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, nested) -> {
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException("JSON object keys are strings");
                }
                copy.put(name, immutableValue(nested));
            });
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(immutableValue(element)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
    }
}
