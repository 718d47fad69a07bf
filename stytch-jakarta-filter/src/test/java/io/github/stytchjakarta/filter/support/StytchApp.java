package io.github.stytchjakarta.filter.support;

import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchConfigBuilder;
import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.StytchAuthenticationFilter;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.StytchWebConfigBuilder;
import io.github.stytchjakarta.testkit.StytchEmulator;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.HttpTester;

/**
 * The application under test: a Jetty servlet context ({@link JettyServer}) with the
 * {@link StytchAuthenticationFilter} registered in code in front of the {@link EchoServlet}, wired to
 * an emulator with a shared clock.
 */
public final class StytchApp implements AutoCloseable {

    /** Request timeout towards the emulator: generous for a loaded CI machine, short for latency faults. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final Stytch stytch;
    private final JettyServer server;

    private StytchApp(Stytch stytch, JettyServer server) {
        this.stytch = stytch;
        this.server = server;
    }

    /**
     * Core settings pointing at an emulator: its base URL and credentials, short timeouts, no retries.
     *
     * @param emulator the emulator
     * @param vertical consumer or B2B
     * @return a builder
     */
    public static StytchConfigBuilder coreConfig(StytchEmulator emulator, Vertical vertical) {
        return StytchConfig.builder()
                .projectId(emulator.projectId())
                .secret(emulator.secret())
                .vertical(vertical)
                .baseUrl(emulator.baseUrl())
                .httpConnectTimeout(REQUEST_TIMEOUT)
                .httpRequestTimeout(REQUEST_TIMEOUT)
                .httpMaxRetries(0);
    }

    /**
     * Starts the application.
     *
     * @param core  core's configuration
     * @param web   the web configuration
     * @param clock the clock of core and of the authenticator (share it with the emulator)
     * @return the started application
     * @throws Exception when Jetty cannot start
     */
    public static StytchApp start(StytchConfig core, StytchWebConfig web, Clock clock) throws Exception {
        Stytch stytch = Stytch.builder(core).clock(clock).build();
        StytchWebAuthenticator authenticator = StytchWebAuthenticator.builder(stytch, web).clock(clock).build();
        try {
            JettyServer server = JettyServer.servletContext(context -> context.addFilter(
                    new FilterHolder(new StytchAuthenticationFilter(authenticator)), "/*", EnumSet.of(DispatcherType.REQUEST)));
            return new StytchApp(stytch, server);
        } catch (Exception e) {
            stytch.close();
            throw e;
        }
    }

    /**
     * A consumer application with default web settings changed by {@code web}.
     *
     * @param emulator the emulator
     * @param clock    the shared clock
     * @param web      changes to the web defaults
     * @return the started application
     * @throws Exception when Jetty cannot start
     */
    public static StytchApp start(StytchEmulator emulator, Clock clock, Consumer<StytchWebConfigBuilder> web)
            throws Exception {
        StytchWebConfigBuilder builder = StytchWebConfig.builder();
        web.accept(builder);
        return start(coreConfig(emulator, Vertical.CONSUMER).build(), builder.build(), clock);
    }

    /**
     * @param request the request
     * @return the response
     * @throws Exception when the exchange fails
     */
    public HttpTester.Response send(Requests request) throws Exception {
        return server.send(request);
    }

    /** @return the server */
    public JettyServer server() {
        return server;
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            stytch.close();
        }
    }
}
