package io.github.stytchjakarta.core.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server that is not Stytch, as a wrong {@code stytch.base-url} finds one: a plain JDK
 * {@code HttpServer} on 127.0.0.1 answering every request with one status, content type and body.
 */
public final class ForeignServer implements AutoCloseable {

    /** What a typical web server answers for an unknown path. */
    public static final String HTML = "<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private ForeignServer(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    /**
     * @param status the status of every answer
     * @return a started server answering {@link #HTML}
     */
    public static ForeignServer html(int status) {
        return new ForeignServer(status, "text/html; charset=utf-8", HTML);
    }

    /**
     * @param status the status of every answer
     * @param json   the body of every answer
     * @return a started server answering JSON
     */
    public static ForeignServer json(int status, String json) {
        return new ForeignServer(status, "application/json", json);
    }

    /** @return {@code http://127.0.0.1:PORT} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return how many requests were answered */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
