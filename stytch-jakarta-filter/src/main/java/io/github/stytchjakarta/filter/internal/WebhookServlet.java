package io.github.stytchjakarta.filter.internal;

import io.github.stytchjakarta.core.StytchWebhooks;
import io.github.stytchjakarta.core.WebhookOutcome;
import io.github.stytchjakarta.filter.Problem;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The endpoint of Stytch's webhooks ({@code stytch.webhook.path}), registered by {@link FilterSetup} only when
 * {@code stytch.webhook.secret} is set, for the filter and for the CDI module's mechanism alike. {@code POST}
 * only (else 405 with {@code Allow: POST}); the body is read up to {@code stytch.webhook.max-body-bytes} (a larger
 * declared or sent body is 413 unread beyond that); then {@link StytchWebhooks#handle} decides: 204, or a problem
 * body with the outcome's status and code. Without the receiver {@link FilterSetup#start} provides (the
 * application did not start it) every request is 404. Never logs the body, the headers or the secret.
 *
 * <p>Stateless and thread-safe.
 */
public final class WebhookServlet extends HttpServlet {

    /** The name the servlet is registered under. */
    public static final String NAME = "StytchWebhookServlet";

    /**
     * A body over the limit is still read, and dropped, up to this many bytes, so that the 413 reaches a client
     * that is still sending it (an unread body makes the container close the connection under the client's feet).
     */
    public static final long MAX_DISCARDED_BYTES = 1 << 20;

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(getServletContext().getAttribute(FilterSetup.WEBHOOKS) instanceof StytchWebhooks webhooks)) {
            ProblemResponses.write(response, Problem.of(HttpServletResponse.SC_NOT_FOUND, "stytch.webhook.absent",
                    "no webhook endpoint is configured"));
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            ProblemResponses.write(response, Problem.of(HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "stytch.webhook.method_not_allowed", "webhooks are delivered with POST"));
            return;
        }
        int max = webhooks.settings().maxBodyBytes();
        byte[] body = readAtMost(request, max);
        WebhookOutcome outcome = body == null ? WebhookOutcome.TOO_LARGE : webhooks.handle(request::getHeader, body);
        if (outcome.status() == HttpServletResponse.SC_NO_CONTENT) {
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        ProblemResponses.write(response, Problem.of(outcome.status(), outcome.code(), outcome.detail()));
    }

    // null when the body holds more than max bytes (one byte more is read to tell; the rest is dropped)
    private static byte[] readAtMost(HttpServletRequest request, int max) throws IOException {
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > max) {
                discard(in);
                return null;
            }
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                discard(in);
                return null;
            }
            return body;
        }
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = MAX_DISCARDED_BYTES;
        for (int read; left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) {
            left -= read;
        }
    }
}
