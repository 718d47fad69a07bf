package io.github.stytchjakarta.filter;

import io.github.stytchjakarta.core.internal.json.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One refusal as it goes on the wire, the one home of the error contract: whether the filter, the CDI
 * module's authentication mechanism or its JAX-RS exception mappers answer, the status, the RFC 9457
 * {@code application/problem+json} body with its stable {@code code}, the RFC 6750 {@code Bearer}
 * challenge and {@code Retry-After} all come from here. Every text comes from the library, never from
 * the request. Immutable and thread-safe.
 *
 * @param status          the HTTP status
 * @param code            the stable machine-readable code ({@code code} member), e.g. {@code stytch.missing_token}
 * @param title           the status's short text ({@code title} member)
 * @param detail          the fixed human-readable text ({@code detail} member)
 * @param wwwAuthenticate the {@code WWW-Authenticate} value, when the answer carries a challenge
 * @param retryAfter      the delay sent as {@code Retry-After}, when the answer carries one
 */
public record Problem(int status, String code, String title, String detail, Optional<String> wwwAuthenticate,
                      Optional<Duration> retryAfter) {

    /** The problem media type. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Shortest {@code Retry-After} sent, in seconds: {@code 0} would invite an immediate retry storm. */
    public static final long MIN_RETRY_AFTER_SECONDS = 1;

    /** Requires every part. */
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(wwwAuthenticate, "wwwAuthenticate");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * A problem without challenge or delay, titled after its status.
     *
     * @param status the HTTP status
     * @param code   the stable code
     * @param detail the fixed description
     * @return the problem
     */
    public static Problem of(int status, String code, String detail) {
        return new Problem(status, code, title(status), detail, Optional.empty(), Optional.empty());
    }

    /**
     * The answer to a failure: the status of its kind; a {@code Bearer} challenge on every 401, and on
     * other statuses with an RFC 6750 error when a bearer header carried the credential;
     * {@code Retry-After} on {@link WebFailure.Kind#UNAVAILABLE}.
     *
     * @param failure           the failure
     * @param realm             the challenge's realm, already free of {@code "} and {@code \}
     * @param defaultRetryAfter the delay when the failure names none
     * @return the problem
     */
    public static Problem of(WebFailure failure, String realm, Duration defaultRetryAfter) {
        return of(failure, realm, defaultRetryAfter, Optional.empty());
    }

    /**
     * The answer to a failure under a web configuration: as {@link #of(WebFailure, String, Duration)} with its realm
     * and {@code Retry-After}, and every challenge naming the protected resource metadata as {@code resource_metadata}
     * (RFC 9728 §5.1) when {@link StytchWebConfig#resourceMetadata()} is configured.
     *
     * @param failure the failure
     * @param config  the web configuration
     * @return the problem
     */
    public static Problem of(WebFailure failure, StytchWebConfig config) {
        return of(failure, config.realm(), config.retryAfter(),
                config.resourceMetadata().map(metadata -> metadata.metadataUrl().toString()));
    }

    private static Problem of(WebFailure failure, String realm, Duration defaultRetryAfter, Optional<String> resourceMetadata) {
        WebFailure.Kind kind = failure.kind();
        boolean bearer = failure.source().orElse(null) == CredentialSource.BEARER_HEADER;
        Optional<String> challenge = kind.status() == 401 || bearer && kind.bearerError().isPresent()
                ? Optional.of(bearerChallenge(realm, kind.bearerError(), failure.detail(), failure.scopes(), resourceMetadata))
                : Optional.empty();
        Optional<Duration> retryAfter = kind == WebFailure.Kind.UNAVAILABLE
                ? Optional.of(failure.retryAfter().orElse(defaultRetryAfter)) : Optional.empty();
        return new Problem(kind.status(), failure.code(), title(kind.status()), failure.detail(), challenge, retryAfter);
    }

    /**
     * The response headers besides the content type, in the order they are set: {@code WWW-Authenticate}
     * and {@code Retry-After} when present, and always {@code Cache-Control: no-store}.
     *
     * @return header names and values
     */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        wwwAuthenticate.ifPresent(value -> headers.put("WWW-Authenticate", value));
        retryAfter.ifPresent(delay -> headers.put("Retry-After",
                Long.toString(Math.max(MIN_RETRY_AFTER_SECONDS, (delay.toMillis() + 999) / 1000))));
        headers.put("Cache-Control", "no-store");
        return headers;
    }

    /**
     * Renders the body.
     *
     * @return the UTF-8 JSON with {@code type}, {@code title}, {@code status}, {@code detail} and {@code code}
     */
    public byte[] body() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        return Json.write(problem);
    }

    // RFC 6750 §3, e.g. Bearer realm="stytch", error="invalid_token", error_description="the token has expired";
    // §3.1: an insufficient_scope answer may name the scopes needed, space separated; RFC 9728 §5.1: resource_metadata
    // (a URL validated at start-up, free of quotes) tells an OAuth client where to discover the authorization server
    private static String bearerChallenge(String realm, Optional<String> error, String description, List<String> scopes,
                                          Optional<String> resourceMetadata) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(realm).append('"');
        error.ifPresent(code -> challenge.append(", error=\"").append(code)
                .append("\", error_description=\"").append(quotable(description)).append('"'));
        List<String> scopeTokens = scopes.stream().filter(Problem::isScopeToken).toList();
        if (error.isPresent() && !scopeTokens.isEmpty()) {
            challenge.append(", scope=\"").append(String.join(" ", scopeTokens)).append('"');
        }
        resourceMetadata.ifPresent(url -> challenge.append(", resource_metadata=\"").append(url).append('"'));
        return challenge.toString();
    }

    /** RFC 6750 §3 {@code scope-token}: {@code %x21 / %x23-5B / %x5D-7E}, at least one. */
    private static boolean isScopeToken(String scope) {
        if (scope.isEmpty()) {
            return false;
        }
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Keeps what RFC 6750 allows in {@code error_description}: printable ASCII except {@code "} and {@code \}. */
    private static String quotable(String text) {
        StringBuilder quoted = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            quoted.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : ' ');
        }
        return quoted.toString();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
