package io.github.stytchjakarta.benchmarks.http;

import io.github.stytchjakarta.benchmarks.http.HttpLoadServer.Target;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP load generator. {@link HttpLoadSettings#connections()} workers (or the scenario's own number,
 * {@link Scenario#connections(int)}) each send a request
 * through the JDK {@link HttpClient} (HTTP/1.1, keep-alive, so one connection per worker), wait for the
 * answer, check it and send the next one: first for the warm-up, unmeasured, then for the duration,
 * recording the latency of every request started within it. Each worker completes at least one measured
 * request, so that a run always has a result.
 *
 * <p>Every answer is checked: the target's expected status and exactly its expected body. The first unexpected answer, I/O
 * error or timeout stops all workers and fails the run with the scenario and what was wrong, so an error is
 * never reported as a number. Bodies in that message are cut to {@value #MAX_BODY_SHOWN} characters; the
 * servlet's answers and the filter's problem documents hold no token.
 *
 * <p>Each run uses a new client: every run starts with fresh connections, opened in its own warm-up, and no
 * connection idles between runs (Jetty closes idle connections). The client stores no cookies, so every
 * request carries exactly the credential of its scenario.
 *
 * <p>Thread-safe; runs are meant to be made one at a time.
 */
final class LoadGenerator {

    /** Connect timeout of the load client. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Longest part of a body quoted in a failure. */
    static final int MAX_BODY_SHOWN = 200;

    private static final AtomicInteger RUN_NUMBERS = new AtomicInteger();

    private final HttpLoadSettings settings;

    /**
     * @param settings the warm-up, duration and number of connections; must not be {@code null}
     */
    LoadGenerator(HttpLoadSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Sends one request of a scenario and checks the answer.
     *
     * @param scenario the scenario, for the message
     * @param target   its requests and expected body
     * @throws IllegalStateException  when the answer is not the expected one
     * @throws InterruptedException when interrupted while waiting for the answer
     */
    void probe(Scenario scenario, Target target) throws InterruptedException {
        String problem = exchange(newClient(), target);
        if (problem != null) {
            throw new IllegalStateException(scenario.label() + ": first request: " + problem);
        }
    }

    /**
     * Runs one scenario: warm-up, then measurement.
     *
     * @param scenario the scenario, for the result and the messages
     * @param target   its requests and expected body
     * @return the measurement
     * @throws IllegalStateException when any answer was not the expected one, or a request failed
     * @throws InterruptedException  when interrupted; the workers are stopped
     */
    LoadMeasurement run(Scenario scenario, Target target) throws InterruptedException {
        HttpClient client = newClient();
        long measureFrom = System.nanoTime() + settings.warmup().toNanos();
        long measureUntil = measureFrom + settings.duration().toNanos();
        AtomicReference<String> failure = new AtomicReference<>();
        int connections = scenario.connections(settings.connections());
        ExecutorService pool = Executors.newFixedThreadPool(connections, workerThreads());
        try {
            List<Future<Worker>> results = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Worker worker = new Worker(client, target, measureFrom, measureUntil, failure);
                results.add(pool.submit(worker, worker));
            }
            List<Worker> workers = new ArrayList<>();
            for (Future<Worker> result : results) {
                workers.add(result.get());
            }
            long expectedAnswers = workers.stream().mapToLong(worker -> worker.answers).sum();
            if (failure.get() != null) {
                throw new IllegalStateException(scenario.label() + ": failed after " + expectedAnswers
                        + " expected answers: " + failure.get());
            }
            long[] latencies = workers.stream()
                    .flatMapToLong(worker -> Arrays.stream(worker.latencies, 0, worker.measured)).toArray();
            long lastEnd = workers.stream().mapToLong(worker -> worker.lastEnd).max().orElseThrow();
            return LoadMeasurement.of(scenario, latencies, Duration.ofNanos(lastEnd - measureFrom));
        } catch (ExecutionException e) {
            throw new IllegalStateException(scenario.label() + ": a worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    // daemon threads: a run that fails in the middle never keeps the JVM alive
    private static ThreadFactory workerThreads() {
        int run = RUN_NUMBERS.incrementAndGet();
        AtomicInteger workers = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "http-load-" + run + "-" + workers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Sends the target's next request.
     *
     * @return {@code null} for the expected answer, else what was wrong
     */
    private static String exchange(HttpClient client, Target target) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = client.send(target.requests().get(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return "request failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (response.statusCode() == target.expectedStatus() && target.expectedBody().equals(response.body())) {
            return null;
        }
        return "unexpected answer " + response.statusCode() + " \"" + shown(response.body()) + "\", expected "
                + target.expectedStatus() + " \"" + shown(target.expectedBody()) + "\"";
    }

    private static String shown(String body) {
        return body.length() <= MAX_BODY_SHOWN ? body : body.substring(0, MAX_BODY_SHOWN) + "…";
    }

    /** One closed loop; its fields are read after its future completes. */
    private static final class Worker implements Runnable {

        private static final int INITIAL_CAPACITY = 4096;

        private final HttpClient client;
        private final Target target;
        private final long measureFrom;
        private final long measureUntil;
        private final AtomicReference<String> failure;
        private long[] latencies = new long[INITIAL_CAPACITY];
        private int measured;
        private long answers;
        private long lastEnd;

        Worker(HttpClient client, Target target, long measureFrom, long measureUntil, AtomicReference<String> failure) {
            this.client = client;
            this.target = target;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            this.failure = failure;
        }

        @Override
        public void run() {
            try {
                while (failure.get() == null) {
                    long start = System.nanoTime();
                    if (start - measureUntil >= 0 && measured > 0) {
                        return;
                    }
                    String problem = exchange(client, target);
                    long end = System.nanoTime();
                    if (problem != null) {
                        failure.compareAndSet(null, problem);
                        return;
                    }
                    answers++;
                    if (start - measureFrom >= 0) {
                        record(end - start);
                        lastEnd = end;
                    }
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, "interrupted");
                Thread.currentThread().interrupt();
            }
        }

        private void record(long latency) {
            if (measured == latencies.length) {
                latencies = Arrays.copyOf(latencies, 2 * measured);
            }
            latencies[measured++] = latency;
        }
    }
}
