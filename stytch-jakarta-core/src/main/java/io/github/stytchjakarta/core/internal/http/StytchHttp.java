package io.github.stytchjakarta.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stytchjakarta.core.StytchApiException;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchUnavailableException;
import io.github.stytchjakarta.core.internal.DaemonThreads;
import io.github.stytchjakarta.core.internal.LogText;
import io.github.stytchjakarta.core.internal.LogThrottle;
import io.github.stytchjakarta.core.internal.json.Json;
import io.github.stytchjakarta.core.internal.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP transport to the Stytch API on the JDK {@link HttpClient}: Basic auth, a User-Agent naming
 * this library, connect and per-attempt request timeouts, bounded response sizes, and retries with
 * full-jitter exponential backoff for idempotent calls on 429, 5xx and I/O errors other than timeouts (a
 * Stytch that did not answer in time would not answer the retry either), honouring {@code Retry-After} up to
 * {@link RetryTiming#MAX_RETRY_AFTER_WAIT}.
 *
 * <p>Bounded waiting ({@link CallAdmission}): a bulkhead limits the calls in flight at once
 * ({@code stytch.http.max-concurrent-calls}; a call beyond it waits briefly for a slot, then fails), and a
 * {@link CircuitBreaker} fails every call at once after {@code stytch.http.circuit-failure-threshold} failed calls
 * in a row, until a probe succeeds. Both apply to the API calls and to the key set fetches, and both fail with
 * {@link StytchUnavailableException} (or, for a key set fetch, {@link UnavailableNowException}) carrying how long
 * to wait, so a request that needs Stytch gets 503 with {@code Retry-After} at once, and one that does not (a JWT
 * verified with cached keys) never waits for Stytch at all.
 *
 * <p>Error mapping: 2xx is parsed into the response type; 429 and 5xx (after retries) and I/O
 * failures become {@link StytchUnavailableException}; any other status with a Stytch error body
 * becomes {@link StytchApiException} with its five fields. A Stytch error body is a JSON object whose
 * {@code status_code} is the HTTP status and which has an {@code error_type} (or, from the OAuth
 * endpoints, an {@code error}).
 *
 * <p>An answer that is not Stytch's (an error status without a Stytch error body, or a 2xx body that
 * cannot be read) means {@code stytch.base-url} points at some other server, or a proxy is in the
 * way: it becomes {@link StytchUnavailableException}, never {@link StytchApiException} (a web server's
 * 404 must not turn every session into "session not found"), and is logged at WARNING with the URL
 * and the status, at most once per {@link LogThrottle#WARNING_INTERVAL}. No message or log line
 * contains the secret, a token, a request or response body, or a query string.
 *
 * <p>Thread-safe.
 */
public final class StytchHttp implements AutoCloseable {

    /** User-Agent sent on every call: {@code stytch-jakarta/<version> Java/<version>}. */
    public static final String USER_AGENT = "stytch-jakarta/" + LibraryVersion.VERSION
            + " Java/" + System.getProperty("java.version");

    /** Largest response body read; Stytch's answers are a few KiB. */
    public static final int MAX_RESPONSE_BYTES = 1 << 20;


    private static final System.Logger LOG = System.getLogger(StytchHttp.class.getName());
    private static final String WITHOUT_ERROR_BODY = "without a Stytch error body";
    private static final String UNREADABLE_BODY = "with a body that is not Stytch's JSON";

    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final CallAdmission admission;
    private final Telemetry telemetry;
    private final ExecutorService executor;
    private final HttpClient client;
    private final ObjectMapper json = Json.mapper();
    private final LogThrottle foreignAnswerWarnings = new LogThrottle();
    private final CallsInFlight calls = new CallsInFlight(this::stopThreads);
    private final PublicResourceFetch publicResources;

    /**
     * Creates the transport.
     *
     * @param config    the configuration (base URL, credentials, timeouts, retries)
     * @param telemetry where each call is traced and timed
     */
    public StytchHttp(StytchConfig config, Telemetry telemetry) {
        this.baseUrl = config.baseUrl();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.projectId() + ":" + config.secret()).getBytes(StandardCharsets.UTF_8));
        this.requestTimeout = config.http().requestTimeout();
        this.maxRetries = config.http().maxRetries();
        this.admission = new CallAdmission(config.http(), Clock.systemUTC());
        this.telemetry = telemetry;
        this.executor = Executors.newCachedThreadPool(DaemonThreads.numbered("stytch-http"));
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.publicResources = new PublicResourceFetch(client, requestTimeout, calls, admission, telemetry);
    }

    /** @return whether the circuit breaker fails calls at once now */
    public boolean isCircuitOpen() {
        return admission.isCircuitOpen();
    }

    /**
     * Encodes a path segment (a form-encoded {@code +} would be a literal plus in a path).
     *
     * @param value the segment
     * @return the percent-encoded segment
     */
    public static String encodePathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Encodes a query parameter value.
     *
     * @param value the value
     * @return the URL-encoded value
     */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * An authenticated, retried GET.
     *
     * @param pathAndQuery path below the base URL, with an encoded query, e.g. {@code /v1/sessions?user_id=...}
     * @param type         the response type
     * @param <T>          the response type
     * @return the parsed response
     */
    public <T> T get(String pathAndQuery, Class<T> type) {
        HttpRequest request = request(pathAndQuery).GET().build();
        return parse(request, send(request, true), type);
    }

    /**
     * An authenticated JSON POST.
     *
     * @param path       path below the base URL
     * @param body       the request body, serialised as JSON
     * @param type       the response type
     * @param idempotent whether the call may be retried
     * @param <T>        the response type
     * @return the parsed response
     */
    public <T> T post(String path, Object body, Class<T> type, boolean idempotent) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request body cannot be written as JSON", e);
        }
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return parse(request, send(request, idempotent), type);
    }

    /**
     * A form POST to a public OAuth endpoint of the project (RFC 7662 introspection), which the client credentials in
     * the form authenticate: the project's secret is not sent. Retried: the calls it is for change nothing.
     *
     * @param path path below the base URL
     * @param form the form fields, sent {@code application/x-www-form-urlencoded}
     * @param type the response type
     * @param <T>  the response type
     * @return the parsed response
     */
    public <T> T postForm(String path, Map<String, String> form, Class<T> type) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        HttpRequest request = unauthenticatedRequest(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        return parse(request, send(request, true), type);
    }

    /**
     * An anonymous GET of a public resource (the JWKS), not retried: the caller's cache decides when
     * to try again.
     *
     * @param url      the absolute URL
     * @param maxBytes the largest body accepted
     * @return the body of a 200 answer
     * @throws HttpStatusException when the answer is not 200
     * @throws IOException         on any other failure, including an oversize body
     */
    public byte[] getPublic(URI url, int maxBytes) throws IOException {
        return publicResources.get(url, maxBytes);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return unauthenticatedRequest(pathAndQuery).header("Authorization", authorization);
    }

    private HttpRequest.Builder unauthenticatedRequest(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(requestTimeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
    }

    private Answer send(HttpRequest request, boolean retryable) {
        if (!calls.enter()) {
            throw new StytchUnavailableException("the Stytch client is closed", null, null, null);
        }
        try {
            Telemetry.Call call = telemetry.call(request.method(), baseUrl.getHost(), request.uri().getRawPath());
            CallAdmission.Refusal refusal = admission.admit();
            if (refusal != null) {
                call.failed(refusal.errorType());
                throw new StytchUnavailableException(refusal.reason() + " (" + describeCall(request) + ")", null,
                        refusal.retryAfter(), null);
            }
            try {
                Answer answer = sendWithRetries(request, retryable);
                admission.succeeded();
                call.answered(answer.status());
                return answer;
            } catch (StytchApiException e) {
                admission.succeeded();
                call.answered(e.statusCode());
                throw e;
            } catch (StytchUnavailableException e) {
                admission.failed(e.retryAfter().orElse(Duration.ZERO));
                if (e.statusCode().isPresent()) {
                    call.answered(e.statusCode().getAsInt());
                } else {
                    call.failed(errorType(e.getCause()));
                }
                throw e;
            } catch (RuntimeException e) {
                admission.failed(Duration.ZERO);
                call.failed(errorType(e));
                throw e;
            }
        } finally {
            calls.exit();
        }
    }

    private Answer sendWithRetries(HttpRequest request, boolean retryable) {
        int attempts = retryable ? maxRetries + 1 : 1;
        for (int attempt = 1; ; attempt++) {
            StytchUnavailableException failure;
            boolean foreign = false;
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                byte[] body = readLimited(response.body(), MAX_RESPONSE_BYTES);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Answer(status, body);
                }
                JsonNode error = readTree(body);
                foreign = !StytchErrorBody.isStytchError(error, status);
                if (status != 429 && status < 500) {
                    if (!foreign) {
                        throw StytchErrorBody.apiError(status, error);
                    }
                    // not retried: a wrong base URL stays wrong
                    warnForeignAnswer(request, status, WITHOUT_ERROR_BODY);
                    throw new StytchUnavailableException(describeCall(request) + " answered HTTP " + status + " "
                            + WITHOUT_ERROR_BODY, status, null, null);
                }
                Duration retryAfter = RetryTiming.retryAfter(response).orElse(null);
                failure = new StytchUnavailableException(describeCall(request) + " answered HTTP " + status
                        + (foreign ? " " + WITHOUT_ERROR_BODY : StytchErrorBody.describe(error)), status, retryAfter, null);
            } catch (IOException e) {
                failure = new StytchUnavailableException("Stytch could not be reached for " + request.method() + " "
                        + request.uri().getPath() + ": " + e.getClass().getSimpleName(), null, null, e);
                if (e instanceof HttpTimeoutException) {
                    throw failure;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StytchUnavailableException("interrupted while calling Stytch", null, null, e);
            }
            Duration wait = failure.retryAfter().orElse(Duration.ZERO);
            if (attempt >= attempts || wait.compareTo(RetryTiming.MAX_RETRY_AFTER_WAIT) > 0 || calls.isClosed()
                    || admission.isCircuitOpen()) {
                if (foreign) {
                    warnForeignAnswer(request, failure.statusCode().orElseThrow(), WITHOUT_ERROR_BODY);
                }
                throw failure;
            }
            Duration delay = RetryTiming.delay(wait, attempt);
            String reason = failure.getMessage();
            LOG.log(System.Logger.Level.DEBUG, () -> "retrying Stytch call in " + delay.toMillis() + " ms after: " + reason);
            sleep(delay, failure);
        }
    }

    private <T> T parse(HttpRequest request, Answer answer, Class<T> type) {
        T value;
        try {
            value = json.readValue(answer.body(), type);
        } catch (IOException e) {
            warnForeignAnswer(request, answer.status(), UNREADABLE_BODY);
            throw new StytchUnavailableException(describeCall(request) + " answered HTTP " + answer.status()
                    + " with a body that could not be read as " + type.getSimpleName() + ": "
                    + e.getClass().getSimpleName(), answer.status(), null, e);
        }
        if (value == null) {
            warnForeignAnswer(request, answer.status(), UNREADABLE_BODY);
            throw new StytchUnavailableException(describeCall(request) + " answered HTTP " + answer.status()
                    + " with an empty body", answer.status(), null, null);
        }
        return value;
    }

    private void warnForeignAnswer(HttpRequest request, int status, String what) {
        if (foreignAnswerWarnings.tryWarn(System.currentTimeMillis())) {
            LOG.log(System.Logger.Level.WARNING, "Stytch API call " + request.method() + " "
                    + LogText.url(request.uri()) + " answered HTTP " + status + " " + what
                    + ": check stytch.base-url (and stytch.project-id)");
        }
    }

    private static String describeCall(HttpRequest request) {
        return "Stytch API call " + request.method() + " " + request.uri().getRawPath();
    }

    private JsonNode readTree(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep(Duration delay, StytchUnavailableException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /**
     * @param in       a response body, closed here
     * @param maxBytes the largest body accepted
     * @return the body
     * @throws IOException when it cannot be read or is larger
     */
    static byte[] readLimited(InputStream in, int maxBytes) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new IOException("response body larger than " + maxBytes + " bytes");
            }
            return body;
        }
    }

    /**
     * @param failure why a call got no answer, or {@code null}
     * @return the telemetry's {@code error.type}: {@code timeout}, {@code connection} or the exception's name
     */
    static String errorType(Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (failure instanceof IOException) {
            return "connection";
        }
        return failure == null ? "unavailable" : failure.getClass().getSimpleName();
    }

    /** A 2xx answer: its status and body. */
    private record Answer(int status, byte[] body) {
    }

    /**
     * Refuses calls from now on; calls in flight finish (within their timeouts, without retrying), then
     * the client's threads stop.
     */
    @Override
    public void close() {
        calls.close();
    }

    // From Java 21 the client is AutoCloseable: closing it (nothing in flight) ends its selector thread at once,
    // which a servlet container otherwise reports as leaked when the application is undeployed.
    private void stopThreads() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("the HTTP client did not close", e);
            }
        }
        executor.shutdownNow();
    }
}
