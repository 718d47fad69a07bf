package io.github.stytchjakarta.testkit.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a {@code redirect_uri} is one a client registered: the same string, or (RFC 8252 §7.3) a loopback
 * {@code http} URL registered without a port and requested with any port, as native apps and CLIs bind an ephemeral
 * port. Thread-safe: stateless.
 */
public final class RedirectUris {

    /** The loopback hosts whose port may vary. */
    public static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUris() {
    }

    /**
     * @param registered the client's redirect URLs
     * @param requested  the requested {@code redirect_uri}
     * @return whether it may receive the client's codes
     */
    public static boolean isRegistered(List<String> registered, String requested) {
        if (registered.contains(requested)) {
            return true;
        }
        URI uri = parse(requested);
        if (uri == null || !isLoopback(uri) || uri.getPort() == -1) {
            return false;
        }
        return registered.stream().map(RedirectUris::parse).filter(Objects::nonNull)
                .anyMatch(candidate -> isLoopback(candidate) && candidate.getPort() == -1
                        && candidate.getHost().equalsIgnoreCase(uri.getHost())
                        && Objects.equals(candidate.getRawPath(), uri.getRawPath())
                        && Objects.equals(candidate.getRawQuery(), uri.getRawQuery()));
    }

    private static boolean isLoopback(URI uri) {
        return "http".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                && uri.getRawFragment() == null && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
