package io.github.stytchjakarta.core;

/**
 * Where a session was started, as Stytch recorded it.
 *
 * @param ipAddress the client IP address, {@code ""} if unknown
 * @param userAgent the client user agent, {@code ""} if unknown
 */
public record SessionAttributes(String ipAddress, String userAgent) {

    /** Attributes with nothing known. */
    public static final SessionAttributes EMPTY = new SessionAttributes("", "");

    /** Replaces {@code null} with {@code ""}. */
    public SessionAttributes {
        ipAddress = ipAddress == null ? "" : ipAddress;
        userAgent = userAgent == null ? "" : userAgent;
    }

    /** @return whether each attribute is known, not its value (an IP address is personal data) */
    @Override
    public String toString() {
        return "SessionAttributes[ipAddress=" + (ipAddress.isEmpty() ? "none" : "****") + ", userAgent="
                + (userAgent.isEmpty() ? "none" : "****") + ']';
    }
}
