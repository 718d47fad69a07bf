package io.github.stytchjakarta.benchmarks;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A trial during which anything called the emulator fails instead of reporting a number. */
class NetworkGuardTest {

    @Test
    void tearDownWhenEmulatorWasCalledDuringTheRunThenFails() throws Exception {
        SessionVerificationBenchmark benchmark = new SessionVerificationBenchmark();
        benchmark.tokenPoolSize = 1;
        benchmark.setUp();
        URI jwks = benchmark.emulator().b2bJwksUri();
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());

        assertThatIllegalStateException().isThrownBy(benchmark::tearDown)
                .withMessageContaining("network calls during the run")
                .withMessageContaining("/v1/b2b/sessions/jwks/");
    }

    @Test
    void accessTokenTearDownWhenEmulatorWasCalledDuringTheRunThenFails() throws Exception {
        AccessTokenVerificationBenchmark benchmark = new AccessTokenVerificationBenchmark();
        benchmark.tokenPoolSize = 1;
        benchmark.setUp();
        URI jwks = benchmark.emulator().b2bJwksUri();
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());

        assertThatIllegalStateException().isThrownBy(benchmark::tearDown)
                .withMessageContaining("network calls during the run")
                .withMessageContaining("/v1/b2b/sessions/jwks/");
    }

    @Test
    void setUpWhenTokenPoolEmptyThenFails() {
        SessionVerificationBenchmark benchmark = new SessionVerificationBenchmark();
        benchmark.tokenPoolSize = 0;

        assertThatIllegalStateException().isThrownBy(benchmark::setUp).withMessageContaining("tokenPoolSize");
    }
}
