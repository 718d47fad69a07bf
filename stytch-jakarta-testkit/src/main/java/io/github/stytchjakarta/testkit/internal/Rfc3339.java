package io.github.stytchjakarta.testkit.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * RFC 3339 UTC timestamps with whole seconds, as Stytch writes them ({@code 2021-12-29T12:33:09Z}).
 */
public final class Rfc3339 {

    private Rfc3339() {
    }

    /**
     * @param instant a time
     * @return it as {@code yyyy-MM-ddTHH:mm:ssZ}
     */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
