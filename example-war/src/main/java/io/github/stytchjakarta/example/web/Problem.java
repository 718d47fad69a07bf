package io.github.stytchjakarta.example.web;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem body, shaped like stytch-jakarta's own ({@code type}, {@code title}, {@code status},
 * {@code detail}, {@code code}), for the API's answers that are not the library's. The detail is always a
 * fixed sentence of the app, never request text.
 *
 * @param type   always {@code about:blank}
 * @param title  the status's reason phrase
 * @param status the HTTP status
 * @param detail what went wrong
 * @param code   a stable code, {@code example.} and a name
 */
public record Problem(String type, String title, int status, String detail, String code) {

    /** The media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * @param status the HTTP status
     * @param code   the stable code, without the {@code example.} prefix
     * @param detail what went wrong
     * @return the answer, not to be cached
     */
    public static Response response(int status, String code, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        Problem problem = new Problem("about:blank", type == null ? "Error" : type.getReasonPhrase(), status, detail,
                "example." + code);
        return Response.status(status).type(MEDIA_TYPE).header("Cache-Control", "no-store").entity(problem).build();
    }
}
