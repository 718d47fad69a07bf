package io.github.stytchjakarta.core.internal.http;

import io.github.stytchjakarta.core.internal.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Anonymous GETs of public resources (the JWKS) for {@link StytchHttp}: the same client, timeouts, bulkhead,
 * circuit breaker and telemetry as the API calls, no retries (the caller's cache decides when to try again), and a
 * bounded body ({@link StytchHttp#readLimited}). Thread-safe.
 */
final class PublicResourceFetch {

    private final HttpClient client;
    private final Duration requestTimeout;
    private final CallsInFlight calls;
    private final CallAdmission admission;
    private final Telemetry telemetry;

    PublicResourceFetch(HttpClient client, Duration requestTimeout, CallsInFlight calls, CallAdmission admission,
                        Telemetry telemetry) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.calls = calls;
        this.admission = admission;
        this.telemetry = telemetry;
    }

    /**
     * @param url      the absolute URL
     * @param maxBytes the largest body accepted
     * @return the body of a 200 answer
     * @throws UnavailableNowException when the circuit is open or the bulkhead full
     * @throws HttpStatusException     when the answer is not 200
     * @throws IOException             on any other failure, including an oversize body
     */
    byte[] get(URI url, int maxBytes) throws IOException {
        if (!calls.enter()) {
            throw new IOException("the Stytch client is closed");
        }
        try {
            Telemetry.Call call = telemetry.call("GET", url.getHost(), url.getRawPath());
            CallAdmission.Refusal refusal = admission.admit();
            if (refusal != null) {
                call.failed(refusal.errorType());
                throw new UnavailableNowException(refusal.reason(), refusal.retryAfter());
            }
            try {
                byte[] body = fetch(url, maxBytes);
                admission.succeeded();
                call.answered(200);
                return body;
            } catch (HttpStatusException e) {
                admission.failed(Duration.ZERO);
                call.answered(e.status());
                throw e;
            } catch (IOException | RuntimeException e) {
                admission.failed(Duration.ZERO);
                call.failed(StytchHttp.errorType(e));
                throw e;
            }
        } finally {
            calls.exit();
        }
    }

    private byte[] fetch(URI url, int maxBytes) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("User-Agent", StytchHttp.USER_AGENT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
        byte[] body = StytchHttp.readLimited(response.body(), maxBytes);
        if (response.statusCode() != 200) {
            throw new HttpStatusException(response.statusCode(), url);
        }
        return body;
    }
}
