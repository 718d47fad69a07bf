package io.github.stytchjakarta.core.internal.jwt;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import io.github.stytchjakarta.core.internal.http.HttpStatusException;
import io.github.stytchjakarta.core.internal.http.StytchHttp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Nimbus {@link ResourceRetriever} on the library's JDK HTTP client, so the JWKS fetch shares its
 * timeouts and User-Agent. The JWKS is fetched anonymously, as Stytch's Java, Node, Go and Python
 * SDKs do: it is public, and the secret then travels only where it is needed. A status other than 200
 * fails with {@link HttpStatusException}, so the key store can log the status.
 */
final class JdkResourceRetriever implements ResourceRetriever {

    /** Largest JWKS accepted: a Stytch key set with certificates is a few KiB. */
    static final int MAX_JWKS_BYTES = 64 * 1024;

    private final StytchHttp http;

    JdkResourceRetriever(StytchHttp http) {
        this.http = http;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        try {
            byte[] body = http.getPublic(url.toURI(), MAX_JWKS_BYTES);
            return new Resource(new String(body, StandardCharsets.UTF_8), "application/json");
        } catch (URISyntaxException e) {
            throw new IOException("invalid JWKS URL", e);
        }
    }
}
