package io.github.stytchjakarta.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.stytch.java.b2b.StytchB2BClient;
import com.stytch.java.common.ErrorResponse;
import com.stytch.java.common.OptionalClientConfig;
import com.stytch.java.common.StytchException;
import com.stytch.java.common.StytchResult;
import com.stytch.java.consumer.StytchClient;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The official Stytch Java SDK ({@code com.stytch.java:sdk}) pointed at an emulator through its
 * documented base-URL option, and helpers to unwrap its {@link StytchResult}s. The clients own
 * OkHttp pools and background JWKS/policy refresh coroutines: close them after each test.
 */
final class StytchSdkClients {

    /** How long a test waits for one SDK call (generous: a loaded 2-core CI machine). */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private StytchSdkClients() {
    }

    /** A consumer client for {@code emulator}. */
    static StytchClient consumer(StytchEmulator emulator) {
        return consumer(emulator.baseUrl(), emulator.projectId(), emulator.secret());
    }

    /** A B2B client for {@code emulator}. */
    static StytchB2BClient b2b(StytchEmulator emulator) {
        return b2b(emulator.baseUrl(), emulator.projectId(), emulator.secret());
    }

    /** A consumer client for the API at {@code baseUrl}, used verbatim (also the SDK's fallback issuer). */
    static StytchClient consumer(URI baseUrl, String projectId, String secret) {
        return new StytchClient(projectId, secret, new OptionalClientConfig(baseUrl.toString()));
    }

    /** A B2B client for the API at {@code baseUrl}, used verbatim (also the SDK's fallback issuer). */
    static StytchB2BClient b2b(URI baseUrl, String projectId, String secret) {
        return new StytchB2BClient(projectId, secret, new OptionalClientConfig(baseUrl.toString()));
    }

    /** Waits for {@code call} and returns its value; fails the test if the SDK reported an error. */
    static <T> T success(CompletableFuture<StytchResult<T>> call) {
        StytchResult<T> result = await(call);
        if (result instanceof StytchResult.Success<T> success) {
            return success.getValue();
        }
        StytchException exception = ((StytchResult.Error) result).getException();
        return fail("expected success from the SDK but got %s: %s", exception.getClass().getSimpleName(),
                describe(exception), exception);
    }

    /** Waits for {@code call}, which must fail with an error the API returned; returns that error. */
    static ErrorResponse apiError(CompletableFuture<? extends StytchResult<?>> call) {
        StytchException exception = failure(call);
        assertThat(exception).as("SDK failure %s", describe(exception)).isInstanceOf(StytchException.Response.class);
        return ((StytchException.Response) exception).getReason();
    }

    /** Waits for {@code call}, which must fail; returns how. */
    static StytchException failure(CompletableFuture<? extends StytchResult<?>> call) {
        StytchResult<?> result = await(call);
        assertThat(result).as("SDK result").isInstanceOf(StytchResult.Error.class);
        return ((StytchResult.Error) result).getException();
    }

    private static <R> R await(CompletableFuture<R> call) {
        try {
            return call.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the SDK", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("SDK call did not complete", e);
        }
    }

    private static String describe(StytchException exception) {
        return exception instanceof StytchException.Critical critical
                ? critical.getReason() + " (response: " + critical.getResponse() + ")"
                : String.valueOf(exception.getReason());
    }
}
