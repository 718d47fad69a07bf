package io.github.stytchjakarta.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes exactly as written to a server over a socket, for requests a well-behaved HTTP client refuses
 * to send or rewrites (malformed escapes, {@code ;} path parameters, broken request lines), and reads the
 * whole answer: the request asks the server to close the connection. Reads time out after
 * {@link TestHttp#TIMEOUT}. Stateless; thread-safe.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends a request line, {@code Host} (the server's authority), {@code Connection: close} and the
     * given header lines, with no body.
     *
     * @param server      the server, e.g. {@code http://127.0.0.1:8080}; only host and port are used
     * @param requestLine e.g. {@code GET /v1/sessions?user_id=%zz HTTP/1.1}
     * @param headers     extra header lines, each without CRLF
     * @return the raw answer (ISO-8859-1); empty if the connection closed without one
     */
    public static String exchange(URI server, String requestLine, String... headers) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n")
                .append("Host: ").append(server.getAuthority()).append("\r\n")
                .append("Connection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return exchangeBytes(server, request.append("\r\n").toString());
    }

    /**
     * Sends a whole request as written, which should ask the server to close the connection.
     *
     * @param server the server; only host and port are used
     * @param raw    the request, as ISO-8859-1 characters
     * @return the raw answer (ISO-8859-1); empty if the connection closed without one
     */
    public static String exchangeBytes(URI server, String raw) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout((int) TestHttp.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
