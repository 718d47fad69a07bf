package io.github.stytchjakarta.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.stytchjakarta.testkit.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's one HTTP handler: applies injected faults, routes, checks Basic credentials, calls the endpoint,
 * records the request and writes the JSON answer. Every failure a client can cause becomes a Stytch error body
 * (4xx); an unexpected exception becomes a 500 {@code internal_server_error} and a log line without request data.
 *
 * <p>Error types the spec does not document, chosen from the API's error-type enum:
 * {@code route_not_found} (404, unknown path), {@code method_not_allowed} (405, known path, other method),
 * {@code bad_request} (400, unreadable body or query), and for forced statuses 403 {@code unauthorized_action},
 * 503/502/504 {@code server_unavailable}.
 */
public final class HttpDispatcher implements HttpHandler {

    /** The largest request body read; larger bodies get 400 {@code bad_request}. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    /** {@code Retry-After} seconds sent with 429 and 503. */
    public static final String RETRY_AFTER_SECONDS = "1";

    private static final System.Logger LOGGER = System.getLogger(HttpDispatcher.class.getName());
    private static final String INTERNAL_ERROR_MESSAGE = "Oops, something seems to have gone wrong, please reach out to "
            + "support@stytch.com to let us know what went wrong.";

    /** Who may call a route. */
    public enum Access {
        /** The project's Basic credentials are required. */
        PROJECT,
        /** No credentials needed, but credentials that are sent must be right (JWKS). */
        OPTIONAL,
        /** Public: Basic credentials are not the project's business (the OAuth token endpoint). */
        PUBLIC
    }

    /** An endpoint. */
    @FunctionalInterface
    public interface Endpoint {
        ApiResponse handle(ApiRequest request);
    }

    /**
     * A route: method, path pattern with {@code {name}} variables, access, endpoint.
     *
     * @param method   the HTTP method
     * @param pattern  the compiled path pattern
     * @param access   who may call it
     * @param endpoint what answers
     */
    public record Route(String method, Pattern pattern, Access access, Endpoint endpoint) {

        /**
         * @param method   the HTTP method
         * @param template e.g. {@code /v1/sessions/jwks/{project_id}}
         * @param access   who may call it
         * @param endpoint what answers
         * @return the route
         */
        public static Route of(String method, String template, Access access, Endpoint endpoint) {
            return new Route(method, Pattern.compile(template.replaceAll("\\{[a-z_]+}", "([^/]+)")), access, endpoint);
        }
    }

    private final EmulatorState state;
    private final List<Route> routes;

    public HttpDispatcher(EmulatorState state, List<Route> routes) {
        this.state = state;
        this.routes = List.copyOf(routes);
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean authenticated = hasProjectCredentials(authorization);
            byte[] body = new byte[0];
            String unreadableBody = null;
            try {
                body = readBody(exchange.getRequestBody());
            } catch (BodyTooLargeException e) {
                unreadableBody = "The request body is too large.";
            } catch (IOException e) {
                unreadableBody = "The request body could not be read."; // e.g. broken chunked encoding
            }
            String requestId = state.ids().next("request-id");

            state.faults().delay(path);
            if (state.faults().takeReset(path)) {
                record(exchange, method, path, rawQuery, body, authenticated, RecordedRequest.CONNECTION_RESET);
                return; // closing the exchange before any response closes the connection
            }
            ApiResponse response = respond(method, path, rawQuery, exchange.getRequestHeaders().getFirst("Content-Type"),
                    authorization, authenticated, body, unreadableBody, requestId);
            record(exchange, method, path, rawQuery, body, authenticated, response.status());
            send(exchange, method, response);
        } catch (IOException e) {
            LOGGER.log(Level.DEBUG, "Client connection failed: {0}", e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the emulator is closing
        }
    }

    private ApiResponse respond(String method, String path, String rawQuery, String contentType, String authorization,
            boolean authenticated, byte[] body, String unreadableBody, String requestId) {
        try {
            OptionalInt forced = state.faults().takeStatus(path);
            if (forced.isPresent()) {
                throw forcedError(forced.getAsInt());
            }
            if (unreadableBody != null) {
                throw ApiException.badRequest(unreadableBody);
            }
            Route route = null;
            Matcher matcher = null;
            boolean pathKnown = false;
            for (Route candidate : routes) {
                Matcher candidateMatcher = candidate.pattern().matcher(path);
                if (candidateMatcher.matches()) {
                    pathKnown = true;
                    if (candidate.method().equals(method)) {
                        route = candidate;
                        matcher = candidateMatcher;
                        break;
                    }
                }
            }
            if (route == null) {
                throw pathKnown
                        ? ApiException.of(405, "method_not_allowed", "The method is not allowed for this route.")
                        : ApiException.of(404, "route_not_found", "The requested route was not found.");
            }
            if (route.access() == Access.PROJECT && !authenticated
                    || route.access() == Access.OPTIONAL && authorization != null && !authenticated) {
                throw ApiException.unauthorized();
            }
            List<String> pathParameters = new ArrayList<>();
            for (int group = 1; group <= matcher.groupCount(); group++) {
                pathParameters.add(matcher.group(group));
            }
            return route.endpoint().handle(new ApiRequest(pathParameters, ApiRequest.parseQuery(rawQuery), contentType,
                    authorization, body, requestId));
        } catch (ApiException e) {
            boolean retryable = e.status() == 429 || e.status() == 503;
            return ApiResponse.error(requestId, e, retryable ? Map.of("Retry-After", RETRY_AFTER_SECONDS) : Map.of());
        } catch (RuntimeException e) {
            StackTraceElement[] trace = e.getStackTrace();
            LOGGER.log(Level.WARNING, "Emulator bug answering {0} {1}: {2} at {3}", method, path, e.getClass().getName(),
                    trace.length == 0 ? "?" : trace[0]);
            return ApiResponse.error(requestId, ApiException.of(500, "internal_server_error", INTERNAL_ERROR_MESSAGE), Map.of());
        }
    }

    private static ApiException forcedError(int status) {
        return switch (status) {
            case 401 -> ApiException.unauthorized();
            case 403 -> ApiException.of(403, "unauthorized_action", "The action is not authorized.");
            case 404 -> ApiException.of(404, "route_not_found", "The requested route was not found.");
            case 429 -> ApiException.of(429, "too_many_requests", "Too many requests have been made.");
            case 502, 503, 504 -> ApiException.of(status, "server_unavailable", "The server is temporarily unavailable.");
            default -> status < 500
                    ? ApiException.of(status, "bad_request", "The submitted request is invalid.")
                    : ApiException.of(status, "internal_server_error", INTERNAL_ERROR_MESSAGE);
        };
    }

    private boolean hasProjectCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (state.projectId() + ":" + state.secret()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(decoded, expected);
    }

    /** Reads the body; one larger than {@link #MAX_BODY_BYTES} is drained and refused. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            in.transferTo(OutputStream.nullOutputStream());
            throw new BodyTooLargeException();
        }
        return body;
    }

    /** A body over {@link #MAX_BODY_BYTES}. */
    private static final class BodyTooLargeException extends IOException {
    }

    private void record(HttpExchange exchange, String method, String path, String rawQuery, byte[] body,
            boolean authenticated, int status) {
        state.requestLog().add(new RecordedRequest(method, path, rawQuery, exchange.getRequestHeaders(),
                new String(body, StandardCharsets.UTF_8), authenticated, status));
    }

    private static void send(HttpExchange exchange, String method, ApiResponse response) throws IOException {
        byte[] bytes = Json.write(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        response.headers().forEach(exchange.getResponseHeaders()::set);
        if ("HEAD".equals(method)) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
