package io.github.stytchjakarta.example.dev;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /metrics}: what a server with MicroProfile Telemetry and a Prometheus exporter would give the
 * example. The launcher registers an OpenTelemetry SDK as the global instance, which the library reports to
 * ({@code stytch.authentications}, {@code stytch.client.request.duration}, {@code stytch.circuit.open}, ...), and
 * this servlet writes its metrics in Prometheus' text format. One SDK per JVM, shared by every
 * {@link ExampleServer} in it (the global instance can be set once).
 */
final class ExampleMetrics extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static PrometheusMetricReader reader; // guarded by ExampleMetrics.class

    private final transient PrometheusMetricReader metrics = reader();

    private static synchronized PrometheusMetricReader reader() {
        if (reader == null) {
            PrometheusMetricReader created = PrometheusMetricReader.create();
            GlobalOpenTelemetry.set(OpenTelemetrySdk.builder()
                    .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(created).build())
                    .build());
            reader = created;
        }
        return reader;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        response.setContentType(writer.getContentType());
        response.setHeader("Cache-Control", "no-store");
        writer.write(response.getOutputStream(), metrics.collect());
    }
}
