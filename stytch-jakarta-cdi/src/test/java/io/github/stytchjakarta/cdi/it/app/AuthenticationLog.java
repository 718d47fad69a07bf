package io.github.stytchjakarta.cdi.it.app;

import io.github.stytchjakarta.cdi.StytchAuthenticationFailed;
import io.github.stytchjakarta.cdi.StytchAuthenticationSucceeded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the library's authentication events, as an audit log would. */
@ApplicationScoped
public class AuthenticationLog {

    private final List<String> entries = new CopyOnWriteArrayList<>();

    void succeeded(@Observes StytchAuthenticationSucceeded event) {
        entries.add("succeeded " + event.caller().getName() + " " + event.source());
    }

    void failed(@Observes StytchAuthenticationFailed event) {
        entries.add("failed " + event.failure().code());
    }

    /** @return every entry so far */
    public List<String> entries() {
        return List.copyOf(entries);
    }
}
