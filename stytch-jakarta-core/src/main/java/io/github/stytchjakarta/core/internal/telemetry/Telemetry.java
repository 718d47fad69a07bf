package io.github.stytchjakarta.core.internal.telemetry;

import io.github.stytchjakarta.core.internal.OptionalApis;
import java.util.function.DoubleSupplier;

/**
 * What the library reports to OpenTelemetry: authentications by outcome, one span and one duration per call to
 * Stytch, and gauges read when the metrics are collected. {@link #NONE} when the OpenTelemetry API is not on the
 * class path; the only class that touches that API is {@link OpenTelemetryTelemetry}, so the library loads without it.
 *
 * <p>No token, e-mail, user or session id, or other personal data is ever an attribute: only outcomes, reasons,
 * HTTP methods, path templates (ids replaced) and statuses.
 *
 * <p>Implementations are thread-safe.
 */
public interface Telemetry extends AutoCloseable {

    /** Reports nothing. */
    Telemetry NONE = new Telemetry() {
        @Override
        public void authentication(String kind, String outcome, String reason) {
        }

        @Override
        public Call call(String method, String host, String path) {
            return Call.NONE;
        }

        @Override
        public void gauge(String name, String description, String unit, String cache, DoubleSupplier value) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * The telemetry for an OpenTelemetry instance, or the global one.
     *
     * @param openTelemetry an {@code io.opentelemetry.api.OpenTelemetry}, or {@code null} for the global instance
     *                      ({@code GlobalOpenTelemetry}, e.g. the Java agent's), looked up at every collection so that
     *                      one registered after start-up is used
     * @return {@link #NONE} when the OpenTelemetry API is not on the class path
     * @throws IllegalArgumentException when the object is not an {@code OpenTelemetry}
     */
    static Telemetry create(Object openTelemetry) {
        // checked here, not in OpenTelemetryTelemetry: loading that class needs the API
        if (!OptionalApis.isPresent("io.opentelemetry.api.OpenTelemetry", Telemetry.class.getClassLoader())) {
            if (openTelemetry != null) {
                throw new IllegalArgumentException("an OpenTelemetry instance was given, but its API is not visible"
                        + " to stytch-jakarta-core's class loader");
            }
            return NONE;
        }
        return OpenTelemetryTelemetry.of(openTelemetry);
    }

    /**
     * Counts one authentication. Outcome and reason are given as constant names (no string is made per call when
     * nothing is reported) and reported in lower case.
     *
     * @param kind    {@code session}, {@code m2m} or {@code connected_app}
     * @param outcome {@code CACHE}, {@code LOCAL}, {@code REMOTE}, {@code REFUSED} or {@code UNAVAILABLE}
     * @param reason  a refusal's {@code InvalidTokenException.Reason} name or {@code INSUFFICIENT_SCOPE}, else
     *                {@code null}
     */
    void authentication(String kind, String outcome, String reason);

    /**
     * Starts timing and tracing one call to Stytch (retries included).
     *
     * @param method the HTTP method
     * @param host   Stytch's host
     * @param path   the URL path, ids included: only its {@link PathTemplate} is reported
     * @return the call, to be ended exactly once
     */
    Call call(String method, String host, String path);

    /**
     * Registers a gauge read at each collection; a {@code NaN} value is not reported.
     *
     * @param name        the metric name
     * @param description what it measures
     * @param unit        its unit
     * @param cache       the {@code stytch.cache} attribute, or {@code null} for none
     * @param value       the reading
     */
    void gauge(String name, String description, String unit, String cache, DoubleSupplier value);

    /** Unregisters the gauges. */
    @Override
    void close();

    /** One call to Stytch in flight. */
    interface Call {

        /** A call that reports nothing. */
        Call NONE = new Call() {
            @Override
            public void answered(int status) {
            }

            @Override
            public void failed(String errorType) {
            }
        };

        /**
         * Stytch answered.
         *
         * @param status the HTTP status
         */
        void answered(int status);

        /**
         * No answer.
         *
         * @param errorType {@code timeout}, {@code connection}, {@code circuit_open}, {@code bulkhead_full}, ...
         */
        void failed(String errorType);
    }
}
