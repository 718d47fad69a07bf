package io.github.stytchjakarta.filter.support;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 server for one test class: an in-memory {@link LocalConnector} for raw HTTP
 * exchanges and a loopback socket for real clients. Request headers may be up to
 * {@value #MAX_REQUEST_HEADER_SIZE} bytes, so that oversized tokens reach the filter instead of being
 * refused by Jetty with 431.
 */
public final class JettyServer implements AutoCloseable {

    /** The context path of {@link #servletContext}. */
    public static final String CONTEXT_PATH = "/app";

    /** Jetty's request header limit in these tests. */
    public static final int MAX_REQUEST_HEADER_SIZE = 256 * 1024;

    /** How long a test waits for a response; a missing response within it fails the test. */
    private static final long RESPONSE_DEADLINE_SECONDS = 30;

    private final Server server;
    private final LocalConnector local;
    private final ServerConnector network;

    private JettyServer(Server server, LocalConnector local, ServerConnector network) {
        this.server = server;
        this.local = local;
        this.network = network;
    }

    /**
     * Starts a server with one servlet context at {@value #CONTEXT_PATH} whose every path is served by
     * the {@link EchoServlet}.
     *
     * @param setup registers filters, initializers and init-params on the context before it starts
     * @return the started server
     * @throws Exception when Jetty cannot start
     */
    public static JettyServer servletContext(Consumer<ServletContextHandler> setup) throws Exception {
        ServletContextHandler context = new ServletContextHandler(CONTEXT_PATH);
        context.addServlet(EchoServlet.class, "/*");
        setup.accept(context);
        return start(context);
    }

    /**
     * Starts a server with a given handler.
     *
     * @param handler e.g. a {@code WebAppContext}
     * @return the started server
     * @throws Exception when Jetty cannot start
     */
    public static JettyServer start(Handler handler) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_SIZE);
        http.setSendServerVersion(false);
        LocalConnector local = new LocalConnector(server, new HttpConnectionFactory(http));
        ServerConnector network = new ServerConnector(server, new HttpConnectionFactory(http));
        network.setHost("127.0.0.1");
        server.addConnector(local);
        server.addConnector(network);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JettyServer(server, local, network);
    }

    /**
     * Sends a request through the in-memory connector.
     *
     * @param request the request
     * @return the parsed response
     * @throws Exception when the exchange fails or no response comes within the deadline
     */
    public HttpTester.Response send(Requests request) throws Exception {
        return send(request.build());
    }

    /**
     * Sends raw bytes (as ISO-8859-1 characters) through the in-memory connector.
     *
     * @param rawRequest the raw request
     * @return the parsed response
     * @throws Exception when the exchange fails or no response comes within the deadline
     */
    public HttpTester.Response send(String rawRequest) throws Exception {
        String raw = local.getResponse(rawRequest, RESPONSE_DEADLINE_SECONDS, TimeUnit.SECONDS);
        if (raw == null) {
            throw new AssertionError("no response within " + RESPONSE_DEADLINE_SECONDS + " s");
        }
        return HttpTester.parseResponse(raw);
    }

    /** @return {@code http://127.0.0.1:<port>} of the socket connector */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + network.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
