package io.github.stytchjakarta.testkit.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injected faults, matched by request-path prefix. A rule with a count is used up after that many requests;
 * {@link #UNLIMITED} means until cleared. Thread-safe.
 */
public final class FaultRules {

    /** The count of a rule that applies until {@link #clear()}. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private enum Kind { LATENCY, STATUS, RESET }

    private record Rule(Kind kind, String pathPrefix, Duration delay, int status, AtomicInteger remaining) {

        boolean matches(Kind wanted, String path) {
            return kind == wanted && path.startsWith(pathPrefix) && remaining.get() > 0;
        }

        boolean take() {
            return remaining.getAndUpdate(count -> count == UNLIMITED || count == 0 ? count : count - 1) > 0;
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile boolean jwksOutage;
    private long clears; // guarded by this; delays end when it changes

    public void addLatency(String pathPrefix, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A latency is not negative");
        }
        rules.add(new Rule(Kind.LATENCY, Objects.requireNonNull(pathPrefix, "pathPrefix"), delay, 0, new AtomicInteger(UNLIMITED)));
    }

    public void addStatus(String pathPrefix, int status, int times) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A forced status is 4xx or 5xx");
        }
        rules.add(new Rule(Kind.STATUS, Objects.requireNonNull(pathPrefix, "pathPrefix"), Duration.ZERO, status,
                new AtomicInteger(requirePositive(times))));
    }

    public void addReset(String pathPrefix, int times) {
        rules.add(new Rule(Kind.RESET, Objects.requireNonNull(pathPrefix, "pathPrefix"), Duration.ZERO, 0,
                new AtomicInteger(requirePositive(times))));
    }

    public void setJwksOutage(boolean outage) {
        jwksOutage = outage;
    }

    public boolean jwksOutage() {
        return jwksOutage;
    }

    public void clear() {
        rules.clear();
        jwksOutage = false;
        synchronized (this) {
            clears++;
            notifyAll();
        }
    }

    /**
     * Waits the longest latency configured for a path, or until {@link #clear()}: a hung Stytch answers again
     * as soon as the test clears the fault, and no emulator thread stays held by it.
     *
     * @param path a request path
     * @throws InterruptedException when the emulator closes
     */
    public void delay(String path) throws InterruptedException {
        Duration latency = latencyFor(path);
        if (latency.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + latency.toNanos();
        synchronized (this) {
            long clearsBefore = clears;
            for (long left = latency.toNanos(); left > 0 && clears == clearsBefore; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /**
     * @param path a request path
     * @return the longest latency configured for it
     */
    public Duration latencyFor(String path) {
        return rules.stream().filter(rule -> rule.matches(Kind.LATENCY, path)).map(Rule::delay)
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * Uses up one count of the first matching reset rule.
     *
     * @param path a request path
     * @return whether the connection is to be reset
     */
    public boolean takeReset(String path) {
        return rules.stream().filter(rule -> rule.matches(Kind.RESET, path)).anyMatch(Rule::take);
    }

    /**
     * Uses up one count of the first matching status rule.
     *
     * @param path a request path
     * @return the status to force, if any
     */
    public OptionalInt takeStatus(String path) {
        return rules.stream().filter(rule -> rule.matches(Kind.STATUS, path)).filter(Rule::take)
                .mapToInt(Rule::status).findFirst();
    }

    private static int requirePositive(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return times;
    }
}
