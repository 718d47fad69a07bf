package io.github.stytchjakarta.example.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A request body that cannot be read into the method's parameter (malformed JSON, an array for an object) is the
 * client's mistake: 400, not the 500 that JAX-RS's {@link ProcessingException} would otherwise become. Only
 * request bodies pass through reader interceptors, so a failure of the app is never turned into a 400.
 * Thread-safe.
 */
@Provider
public class UnreadableBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (ProcessingException e) {
            throw new BadRequestException("the request body cannot be read", e);
        }
    }
}
