package io.github.stytchjakarta.filter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path pattern of the web configuration, matched against a {@link RequestPath normalised} path
 * inside the servlet context.
 *
 * <p>Syntax: a pattern starts with {@code /} and is split into segments at {@code /}. A segment
 * {@code **} matches zero or more whole segments; a {@code *} inside a segment matches any
 * characters of that one segment ({@code *.html}, {@code v*}); every other character matches
 * itself, case-sensitively. A trailing {@code /} is ignored, on patterns and paths alike. Examples:
 * {@code /**} (everything), {@code /api/**} ({@code /api} and everything below it),
 * {@code /api/*} (one level below {@code /api}), {@code /static/*.css}, {@code /login} (exactly).
 *
 * <p>Immutable and thread-safe.
 */
public final class PathPattern {

    private static final String ANY_SEGMENTS = "**";

    private final String pattern;
    private final List<String> segments;

    private PathPattern(String pattern, List<String> segments) {
        this.pattern = pattern;
        this.segments = segments;
    }

    /**
     * Compiles a pattern.
     *
     * @param pattern the pattern; must not be {@code null}
     * @return the compiled pattern
     * @throws IllegalArgumentException when the pattern does not follow the syntax; the message does
     *                                  not repeat the pattern
     */
    public static PathPattern compile(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern must start with /");
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\' || c == '?' || c == '#' || c == ';') {
                throw new IllegalArgumentException("a path pattern must not contain spaces, control characters, \\ ? # or ;");
            }
        }
        List<String> segments = RequestPath.segments(pattern);
        if (segments == null) {
            throw new IllegalArgumentException("a path pattern must not contain empty, . or .. segments");
        }
        for (String segment : segments) {
            if (segment.contains(ANY_SEGMENTS) && !segment.equals(ANY_SEGMENTS)) {
                throw new IllegalArgumentException("** must be a whole segment of a path pattern");
            }
        }
        return new PathPattern(pattern, segments);
    }

    /**
     * Whether a path matches.
     *
     * @param path a normalised path ({@link RequestPath#normalise})
     * @return {@code true} if the pattern matches it
     */
    public boolean matches(String path) {
        List<String> pathSegments = RequestPath.segments(path);
        return pathSegments != null && matches(0, pathSegments, 0);
    }

    private boolean matches(int patternIndex, List<String> path, int pathIndex) {
        if (patternIndex == segments.size()) {
            return pathIndex == path.size();
        }
        String segment = segments.get(patternIndex);
        if (segment.equals(ANY_SEGMENTS)) {
            for (int skip = pathIndex; skip <= path.size(); skip++) {
                if (matches(patternIndex + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        return pathIndex < path.size() && segmentMatches(segment, path.get(pathIndex))
                && matches(patternIndex + 1, path, pathIndex + 1);
    }

    private static boolean segmentMatches(String glob, String segment) {
        if (glob.indexOf('*') < 0) {
            return glob.equals(segment);
        }
        List<String> literals = new ArrayList<>(List.of(glob.split("\\*", -1)));
        String first = literals.get(0);
        String last = literals.get(literals.size() - 1);
        if (segment.length() < first.length() + last.length() || !segment.startsWith(first) || !segment.endsWith(last)) {
            return false;
        }
        int position = first.length();
        int end = segment.length() - last.length();
        for (String literal : literals.subList(1, literals.size() - 1)) {
            int found = segment.indexOf(literal, position);
            if (found < 0 || found + literal.length() > end) {
                return false;
            }
            position = found + literal.length();
        }
        return true;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
