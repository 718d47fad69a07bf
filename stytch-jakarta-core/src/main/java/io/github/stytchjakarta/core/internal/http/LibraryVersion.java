package io.github.stytchjakarta.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The library version, read once from the build-filtered {@code version.properties}. */
public final class LibraryVersion {

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION = load();

    private LibraryVersion() {
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = LibraryVersion.class.getResourceAsStream("/io/github/stytchjakarta/core/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
