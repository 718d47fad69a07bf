package io.github.stytchjakarta.core.internal.telemetry;

import java.util.regex.Pattern;

/**
 * A Stytch API path with its ids replaced by {@code {id}}, e.g. {@code /v1/sessions/jwks/{id}}: a span name and
 * metric attribute of bounded cardinality that names no project, organization, member, user or session. Stytch's
 * ids all contain dashes ({@code organization-test-6f0c...}), its path words never do. Stateless and thread-safe.
 */
public final class PathTemplate {

    private static final Pattern WORD = Pattern.compile("[a-z0-9_]{1,40}");

    private PathTemplate() {
    }

    /**
     * @param path a URL path, without query
     * @return the path with every segment that is not a short lower-case word replaced by {@code {id}}
     */
    public static String of(String path) {
        String[] segments = path.split("/", -1);
        StringBuilder template = new StringBuilder(path.length());
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                template.append('/');
            }
            String segment = segments[i];
            template.append(segment.isEmpty() || WORD.matcher(segment).matches() ? segment : "{id}");
        }
        return template.toString();
    }
}
