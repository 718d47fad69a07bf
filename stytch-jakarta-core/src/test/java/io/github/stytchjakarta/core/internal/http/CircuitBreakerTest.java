package io.github.stytchjakarta.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The breaker's states on a controlled clock: closed, open for its time, one probe, closed or open again. */
class CircuitBreakerTest {

    private static final Duration OPEN = Duration.ofSeconds(5);

    private final MutableClock clock = MutableClock.atSystemTime();
    private final CircuitBreaker breaker = new CircuitBreaker(3, OPEN, clock);

    @Test
    void tryAcquireWhenFewerFailuresThanThresholdThenCallsGoThrough() {
        fail(2);

        assertThat(breaker.tryAcquire()).isZero();
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void tryAcquireWhenSuccessBetweenFailuresThenCountStartsAgain() {
        fail(2);
        breaker.tryAcquire();
        breaker.succeeded();
        fail(2);

        assertThat(breaker.tryAcquire()).isZero();
    }

    @Test
    void tryAcquireWhenThresholdReachedThenRefusedWithTimeLeft() {
        fail(3);
        clock.advance(Duration.ofSeconds(2));

        assertThat(breaker.tryAcquire()).isEqualTo(Duration.ofSeconds(3));
        assertThat(breaker.isOpen()).isTrue();
    }

    @Test
    void tryAcquireWhenOpenTimeOverThenOneProbeOthersRefused() {
        fail(3);
        clock.advance(OPEN);

        assertThat(breaker.tryAcquire()).as("the probe").isZero();
        assertThat(breaker.tryAcquire()).as("while the probe is in flight").isEqualTo(OPEN);
    }

    @Test
    void succeededWhenProbeAnsweredThenClosed() {
        fail(3);
        clock.advance(OPEN);
        breaker.tryAcquire();

        breaker.succeeded();

        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.tryAcquire()).isZero();
        assertThat(breaker.tryAcquire()).isZero();
    }

    @Test
    void failedWhenProbeFailsThenOpenAgainForTheOpenDuration() {
        fail(3);
        clock.advance(OPEN);
        breaker.tryAcquire();

        breaker.failed(Duration.ZERO);

        assertThat(breaker.tryAcquire()).isEqualTo(OPEN);
    }

    @Test
    void failedWhenRetryAfterLongerThenOpenAsLongUpToTheCap() {
        fail(2);
        breaker.failed(Duration.ofSeconds(20));
        assertThat(breaker.tryAcquire()).isEqualTo(Duration.ofSeconds(20));

        clock.advance(Duration.ofSeconds(20));
        breaker.tryAcquire();
        breaker.failed(Duration.ofDays(1));
        assertThat(breaker.tryAcquire()).isEqualTo(OPEN.multipliedBy(CircuitBreaker.MAX_OPEN_FACTOR));
    }

    @Test
    void failedWhenCallsStartedBeforeOpeningFailLaterThenProbeNotPushedBack() {
        fail(3);
        clock.advance(Duration.ofSeconds(4));

        breaker.failed(Duration.ZERO);

        assertThat(breaker.tryAcquire()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void failedWhenThresholdZeroThenNeverOpens() {
        CircuitBreaker disabled = new CircuitBreaker(0, OPEN, clock);
        for (int i = 0; i < 100; i++) {
            disabled.tryAcquire();
            disabled.failed(Duration.ofMinutes(1));
        }

        assertThat(disabled.tryAcquire()).isZero();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isZero();
            breaker.failed(Duration.ZERO);
        }
    }
}
