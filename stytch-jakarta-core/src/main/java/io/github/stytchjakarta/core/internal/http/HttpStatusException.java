package io.github.stytchjakarta.core.internal.http;

import io.github.stytchjakarta.core.internal.LogText;
import java.io.IOException;
import java.net.URI;

/** A public resource answered with a status other than 200; the message names the URL, not the body. */
public final class HttpStatusException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    HttpStatusException(int status, URI url) {
        super("HTTP " + status + " from " + LogText.url(url));
        this.status = status;
    }

    /** @return the HTTP status answered */
    public int status() {
        return status;
    }
}
