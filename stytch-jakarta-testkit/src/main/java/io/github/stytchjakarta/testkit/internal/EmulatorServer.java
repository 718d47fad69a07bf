package io.github.stytchjakarta.testkit.internal;

import com.sun.net.httpserver.HttpServer;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.internal.HttpDispatcher.Access;
import io.github.stytchjakarta.testkit.internal.HttpDispatcher.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's HTTP side: the JDK server on {@link StytchEmulator#HTTP_THREADS} daemon threads and the route table
 * of every endpoint. Not thread-safe: {@link StytchEmulator} starts and stops it under its own lock.
 */
public final class EmulatorServer {

    private static final AtomicInteger EMULATOR_NUMBERS = new AtomicInteger();

    private final EmulatorState state;
    private final TokenIssuer tokens;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param state  what the endpoints read and change
     * @param tokens mints the JWTs the endpoints answer with
     */
    public EmulatorServer(EmulatorState state, TokenIssuer tokens) {
        this.state = state;
        this.tokens = tokens;
    }

    /**
     * @param bindAddress the address to listen on
     * @param port        the port, 0 for an ephemeral one
     * @return the base URL: {@code http://host:port}, the loopback address as host when bound to the wildcard
     * @throws UncheckedIOException if the port cannot be bound
     */
    public URI start(InetAddress bindAddress, int port) {
        int number = EMULATOR_NUMBERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService requestThreads = Executors.newFixedThreadPool(StytchEmulator.HTTP_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "stytch-emulator-" + number + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer httpServer = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
            httpServer.setExecutor(requestThreads);
            httpServer.createContext("/", new HttpDispatcher(state, routes()));
            httpServer.start();
            server = httpServer;
        } catch (IOException e) {
            requestThreads.shutdownNow();
            throw new UncheckedIOException("Cannot bind " + bindAddress.getHostAddress() + ":" + port, e);
        }
        executor = requestThreads;
        String host = bindAddress.isAnyLocalAddress() ? StytchEmulator.LOOPBACK_ADDRESS
                : bindAddress instanceof Inet6Address ? "[" + bindAddress.getHostAddress() + "]" : bindAddress.getHostAddress();
        return URI.create("http://" + host + ":" + server.getAddress().getPort());
    }

    /**
     * Stops the server, abandoning pending requests, and waits up to {@link StytchEmulator#CLOSE_TIMEOUT} for its
     * threads. Idempotent.
     */
    public void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(StytchEmulator.CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    private List<Route> routes() {
        JwksEndpoint jwks = new JwksEndpoint(state);
        SessionEndpoints consumer = new SessionEndpoints(state, tokens, Vertical.CONSUMER);
        SessionEndpoints b2b = new SessionEndpoints(state, tokens, Vertical.B2B);
        PolicyEndpoints policies = new PolicyEndpoints(state);
        TokenEndpoint token = new TokenEndpoint(state, tokens);
        AuthorizationEndpoint authorization = new AuthorizationEndpoint(state);
        ConnectedAppEndpoints connectedApps = new ConnectedAppEndpoints(state);
        IntrospectionEndpoint introspection = new IntrospectionEndpoint(state);
        AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(state);
        DebugEndpoint debug = new DebugEndpoint(state);
        return List.of(
                Route.of("GET", "/v1/sessions/jwks/{project_id}", Access.OPTIONAL, jwks::jwks),
                Route.of("GET", "/v1/b2b/sessions/jwks/{project_id}", Access.OPTIONAL, jwks::jwks),
                Route.of("POST", "/v1/sessions/authenticate", Access.PROJECT, consumer::authenticate),
                Route.of("POST", "/v1/b2b/sessions/authenticate", Access.PROJECT, b2b::authenticate),
                Route.of("GET", "/v1/sessions", Access.PROJECT, consumer::get),
                Route.of("GET", "/v1/b2b/sessions", Access.PROJECT, b2b::get),
                Route.of("POST", "/v1/sessions/revoke", Access.PROJECT, consumer::revoke),
                Route.of("POST", "/v1/b2b/sessions/revoke", Access.PROJECT, b2b::revoke),
                Route.of("GET", "/v1/rbac/policy", Access.PROJECT, policies::consumerPolicy),
                Route.of("GET", "/v1/b2b/rbac/policy", Access.PROJECT, policies::b2bPolicy),
                Route.of("GET", "/v1/b2b/rbac/organizations/{organization_id}", Access.PROJECT, policies::organizationPolicy),
                Route.of("POST", "/v1/public/{project_id}/oauth2/token", Access.PUBLIC, token::token),
                Route.of("POST", "/v1/oauth2/token", Access.PUBLIC, token::token),
                Route.of("POST", "/v1/public/{project_id}/oauth2/introspect", Access.PUBLIC, introspection::introspect),
                Route.of("POST", "/v1/oauth2/introspect", Access.PUBLIC, introspection::introspect),
                Route.of("POST", "/v1/connected_apps/clients", Access.PROJECT, connectedApps::create),
                Route.of("GET", "/v1/connected_apps/clients/{client_id}", Access.PROJECT, connectedApps::get),
                Route.of("DELETE", "/v1/connected_apps/clients/{client_id}", Access.PROJECT, connectedApps::delete),
                Route.of("GET", "/.well-known/openid-configuration", Access.PUBLIC, metadata::openIdConfiguration),
                Route.of("GET", "/v1/public/{project_id}/.well-known/openid-configuration", Access.PUBLIC,
                        metadata::openIdConfiguration),
                Route.of("GET", "/.well-known/oauth-authorization-server", Access.PUBLIC, metadata::oauthAuthorizationServer),
                Route.of("GET", "/.well-known/jwks.json", Access.PUBLIC, jwks::jwks),
                Route.of("GET", AuthorizationServerMetadata.DEFAULT_AUTHORIZATION_PATH, Access.PUBLIC, authorization::authorize),
                Route.of("GET", "/v1/debug/whoami", Access.PROJECT, debug::whoami));
    }
}
