package io.github.stytchjakarta.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Test fixture: sends raw bytes to an emulator over a socket, for requests a well-behaved HTTP client refuses to send
 * (malformed escapes), and reads the whole answer (the request asks the server to close the connection).
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 20_000;

    private RawHttp() {
    }

    /**
     * @param emulator    the emulator
     * @param requestLine e.g. {@code GET /v1/sessions?user_id=%zz HTTP/1.1}
     * @param headers     extra header lines, each without CRLF
     * @return the raw answer; empty if the connection closed without one
     */
    static String exchange(StytchEmulator emulator, String requestLine, String... headers) {
        try (Socket socket = new Socket(emulator.baseUrl().getHost(), emulator.baseUrl().getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            StringBuilder request = new StringBuilder(requestLine).append("\r\n")
                    .append("Host: ").append(emulator.baseUrl().getAuthority()).append("\r\n")
                    .append("Connection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
