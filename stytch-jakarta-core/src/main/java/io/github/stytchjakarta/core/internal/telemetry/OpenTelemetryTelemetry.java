package io.github.stytchjakarta.core.internal.telemetry;

import io.github.stytchjakarta.core.internal.http.LibraryVersion;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * {@link Telemetry} on the OpenTelemetry API: the instruments of one {@link OpenTelemetry}, the given one or the
 * global one. With the global one, the instruments are built again when another instance is registered (e.g. by an
 * application after the library started), and the global instance is read without registering a no-op one, so the
 * application can still register its own.
 *
 * <p>Thread-safe.
 */
final class OpenTelemetryTelemetry implements Telemetry {

    /** The instrumentation scope of every metric and span. */
    static final String SCOPE = "io.github.stytchjakarta";

    static final AttributeKey<String> KIND = AttributeKey.stringKey("stytch.token.kind");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("stytch.outcome");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("stytch.reason");
    static final AttributeKey<String> CACHE = AttributeKey.stringKey("stytch.cache");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR = AttributeKey.stringKey("error.type");

    /** Bucket boundaries of {@code stytch.client.request.duration}, in seconds, as for HTTP client durations. */
    static final List<Double> DURATION_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0,
            7.5, 10.0);

    private final OpenTelemetry fixed;
    private final Map<AuthenticationKey, Attributes> authenticationAttributes = new ConcurrentHashMap<>();
    private final List<Gauge> gauges = new ArrayList<>(); // guarded by this
    private volatile Instruments instruments;
    private boolean closed; // guarded by this

    private OpenTelemetryTelemetry(OpenTelemetry fixed) {
        this.fixed = fixed;
    }

    static Telemetry of(Object openTelemetry) {
        if (openTelemetry != null && !(openTelemetry instanceof OpenTelemetry)) {
            throw new IllegalArgumentException("not an io.opentelemetry.api.OpenTelemetry: "
                    + openTelemetry.getClass().getName());
        }
        return new OpenTelemetryTelemetry((OpenTelemetry) openTelemetry);
    }

    @Override
    public void authentication(String kind, String outcome, String reason) {
        current().authentications.add(1, authenticationAttributes.computeIfAbsent(
                new AuthenticationKey(kind, outcome, reason), OpenTelemetryTelemetry::attributes));
    }

    // a few dozen combinations, each built once: the cached path of an authentication takes about a microsecond
    private static Attributes attributes(AuthenticationKey key) {
        AttributesBuilder attributes = Attributes.builder().put(KIND, key.kind())
                .put(OUTCOME, key.outcome().toLowerCase(Locale.ROOT));
        if (key.reason() != null) {
            attributes.put(REASON, key.reason().toLowerCase(Locale.ROOT));
        }
        return attributes.build();
    }

    @Override
    public Call call(String method, String host, String path) {
        Instruments current = current();
        String template = PathTemplate.of(path);
        Attributes attributes = Attributes.of(METHOD, method, URL_TEMPLATE, template, SERVER, host);
        Span span = current.tracer.spanBuilder(method + " " + template).setSpanKind(SpanKind.CLIENT)
                .setAllAttributes(attributes).startSpan();
        long start = System.nanoTime();
        return new Call() {
            @Override
            public void answered(int status) {
                span.setAttribute(STATUS, (long) status);
                if (status >= 400) {
                    span.setAttribute(ERROR, Integer.toString(status));
                    span.setStatus(StatusCode.ERROR);
                }
                end(attributes.toBuilder().put(STATUS, (long) status)
                        .putAll(status >= 400 ? Attributes.of(ERROR, Integer.toString(status)) : Attributes.empty()).build());
            }

            @Override
            public void failed(String errorType) {
                span.setAttribute(ERROR, errorType);
                span.setStatus(StatusCode.ERROR);
                end(attributes.toBuilder().put(ERROR, errorType).build());
            }

            private void end(Attributes measured) {
                current.callDuration.record((System.nanoTime() - start) / 1e9, measured);
                span.end();
            }
        };
    }

    @Override
    public synchronized void gauge(String name, String description, String unit, String cache, DoubleSupplier value) {
        if (closed) {
            return;
        }
        Gauge gauge = new Gauge(name, description, unit, cache == null ? Attributes.empty() : Attributes.of(CACHE, cache),
                value);
        gauges.add(gauge);
        Instruments current = instruments;
        if (current != null) {
            gauge.register(current.meter);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        gauges.forEach(Gauge::unregister);
        gauges.clear();
    }

    private Instruments current() {
        OpenTelemetry wanted = fixed != null ? fixed : global();
        Instruments current = instruments;
        if (current != null && current.openTelemetry == wanted) {
            return current;
        }
        synchronized (this) {
            current = instruments;
            if (current == null || current.openTelemetry != wanted) {
                current = new Instruments(wanted);
                instruments = current;
                if (!closed) {
                    for (Gauge gauge : gauges) {
                        gauge.unregister();
                        gauge.register(current.meter);
                    }
                }
            }
            return current;
        }
    }

    // getOrNoop (API 1.50 and later) does not make the no-op instance the global one; older APIs only have get()
    private static OpenTelemetry global() {
        try {
            return GlobalOpenTelemetry.getOrNoop();
        } catch (NoSuchMethodError e) {
            return GlobalOpenTelemetry.get();
        }
    }

    /** The instruments of one OpenTelemetry instance. */
    private static final class Instruments {

        final OpenTelemetry openTelemetry;
        final Meter meter;
        final Tracer tracer;
        final LongCounter authentications;
        final DoubleHistogram callDuration;

        Instruments(OpenTelemetry openTelemetry) {
            this.openTelemetry = openTelemetry;
            this.meter = openTelemetry.meterBuilder(SCOPE).setInstrumentationVersion(LibraryVersion.VERSION).build();
            this.tracer = openTelemetry.tracerBuilder(SCOPE).setInstrumentationVersion(LibraryVersion.VERSION).build();
            this.authentications = meter.counterBuilder("stytch.authentications")
                    .setDescription("Credentials authenticated, by token kind, outcome and refusal reason")
                    .setUnit("{authentication}").build();
            this.callDuration = durationHistogram(meter);
        }
    }

    // the semantic conventions' HTTP duration buckets, in seconds (the SDK's default ones suit milliseconds); the advice
    // API came with OpenTelemetry 1.32, and an older API on a server does without it
    private static DoubleHistogram durationHistogram(Meter meter) {
        DoubleHistogramBuilder builder = meter.histogramBuilder("stytch.client.request.duration")
                .setDescription("Duration of calls to Stytch, retries included, by method, path template and status")
                .setUnit("s");
        try {
            builder.setExplicitBucketBoundariesAdvice(DURATION_BUCKETS);
        } catch (NoSuchMethodError e) {
            // the SDK's default buckets
        }
        return builder.build();
    }

    /** What an authentication's attributes are made of. */
    private record AuthenticationKey(String kind, String outcome, String reason) {
    }

    /** A gauge, registered with the current meter. */
    private static final class Gauge {

        private final String name;
        private final String description;
        private final String unit;
        private final Attributes attributes;
        private final DoubleSupplier value;
        private ObservableDoubleGauge registered;

        Gauge(String name, String description, String unit, Attributes attributes, DoubleSupplier value) {
            this.name = name;
            this.description = description;
            this.unit = unit;
            this.attributes = attributes;
            this.value = value;
        }

        void register(Meter meter) {
            registered = meter.gaugeBuilder(name).setDescription(description).setUnit(unit).buildWithCallback(measurement -> {
                double reading = value.getAsDouble();
                if (!Double.isNaN(reading)) {
                    measurement.record(reading, attributes);
                }
            });
        }

        void unregister() {
            if (registered != null) {
                registered.close();
                registered = null;
            }
        }
    }
}
