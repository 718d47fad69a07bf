package io.github.stytchjakarta.cdi.internal;

import io.github.stytchjakarta.cdi.CurrentStytchSession;
import io.github.stytchjakarta.cdi.StytchNotAuthenticatedException;
import io.github.stytchjakarta.core.ConnectedAppCaller;
import io.github.stytchjakarta.core.ConnectedAppTokenVerifier;
import io.github.stytchjakarta.core.M2mCaller;
import io.github.stytchjakarta.core.M2mTokenVerifier;
import io.github.stytchjakarta.core.SessionAuthenticator;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchAuthorizer;
import io.github.stytchjakarta.core.StytchCaller;
import io.github.stytchjakarta.core.StytchClient;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchMemberSession;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchSession;
import io.github.stytchjakarta.core.StytchUser;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.filter.StytchWebConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;

/**
 * The beans of the library.
 *
 * <ul>
 *   <li>One {@link Stytch} facade per application, built from MicroProfile Config and closed when the
 *       application stops (its background refreshes end and its HTTP client is released). Its parts are
 *       produced from it: {@link StytchClient}, {@link SessionAuthenticator}, {@link StytchAuthorizer},
 *       {@link M2mTokenVerifier}, {@link ConnectedAppTokenVerifier}, {@link StytchConfig}; with the web configuration, one
 *       {@link StytchWebAuthenticator} and the {@link StytchWebConfig}. Core's types are final, so they
 *       cannot have client proxies: the facade is {@link Singleton} (one instance, no proxy) and its parts
 *       {@link Dependent} views of it, which amounts to the same application-wide instances.</li>
 *   <li>The caller of the current request ({@link StytchCaller} of any kind; from a session {@link StytchPrincipal},
 *       {@link StytchUser}, {@link StytchMember}, {@link StytchSession}, {@link StytchMemberSession}; from an access
 *       token {@link M2mCaller}, {@link ConnectedAppCaller}) from
 *       {@link CurrentStytchSession}, {@link Dependent} because records cannot be proxied: inject them
 *       into request-scoped beans or through {@code Instance<>}. A request without a caller of the injected kind
 *       makes the injection throw {@link StytchNotAuthenticatedException}; asking for a consumer user in a B2B application
 *       (or the reverse) is a programming error ({@link IllegalStateException}).</li>
 * </ul>
 * The facade reports metrics and spans to the server's {@code OpenTelemetry} bean when there is one (MicroProfile
 * Telemetry), else to {@code GlobalOpenTelemetry} when the API is present.
 * Every producer is {@link Typed} to its one type, so that none of them also claims {@code Principal},
 * {@code AutoCloseable} or {@code Record}. An application may replace the facade with its own
 * alternative producer (e.g. to set a clock in tests); everything else follows it.
 */
@Dependent
public final class StytchProducers {

    @Produces
    @Singleton
    @Typed(Stytch.class)
    Stytch stytch(StytchExtension extension, BeanManager beans) {
        Stytch.Builder builder = Stytch.builder(extension.settings().core());
        OpenTelemetryBean.find(beans).ifPresent(builder::openTelemetry);
        Stytch stytch = builder.build();
        extension.facade(stytch);
        return stytch;
    }

    void close(@Disposes Stytch stytch, StytchExtension extension) {
        extension.facade(null);
        stytch.close();
    }

    @Produces
    @Typed(StytchClient.class)
    StytchClient client(Stytch stytch) {
        return stytch.client();
    }

    @Produces
    @Typed(SessionAuthenticator.class)
    SessionAuthenticator sessions(Stytch stytch) {
        return stytch.authenticator();
    }

    @Produces
    @Typed(StytchAuthorizer.class)
    StytchAuthorizer authorizer(Stytch stytch) {
        return stytch.authorizer();
    }

    @Produces
    @Typed(M2mTokenVerifier.class)
    M2mTokenVerifier m2m(Stytch stytch) {
        return stytch.m2mVerifier();
    }

    @Produces
    @Typed(ConnectedAppTokenVerifier.class)
    ConnectedAppTokenVerifier connectedApps(Stytch stytch) {
        return stytch.connectedAppVerifier();
    }

    @Produces
    @Typed(StytchConfig.class)
    StytchConfig config(Stytch stytch) {
        return stytch.config();
    }

    @Produces
    @Typed(StytchWebConfig.class)
    StytchWebConfig webConfig(StytchExtension extension) {
        return extension.settings().web();
    }

    @Produces
    @Singleton
    @Typed(StytchWebAuthenticator.class)
    StytchWebAuthenticator webAuthenticator(Stytch stytch, StytchWebConfig webConfig) {
        return StytchWebAuthenticator.create(stytch, webConfig);
    }

    @Produces
    @Typed(StytchCaller.class)
    StytchCaller caller(CurrentStytchSession current) {
        return current.requireCaller();
    }

    @Produces
    @Typed(M2mCaller.class)
    M2mCaller m2mCaller(CurrentStytchSession current) {
        return current.m2mClient().orElseThrow(StytchNotAuthenticatedException::new);
    }

    @Produces
    @Typed(ConnectedAppCaller.class)
    ConnectedAppCaller connectedAppCaller(CurrentStytchSession current) {
        return current.connectedApp().orElseThrow(StytchNotAuthenticatedException::new);
    }

    @Produces
    @Typed(StytchPrincipal.class)
    StytchPrincipal principal(CurrentStytchSession current) {
        return current.requirePrincipal();
    }

    @Produces
    @Typed(StytchUser.class)
    StytchUser user(CurrentStytchSession current) {
        return current.user().orElseThrow(() -> missing(current, StytchUser.class));
    }

    @Produces
    @Typed(StytchMember.class)
    StytchMember member(CurrentStytchSession current) {
        return current.member().orElseThrow(() -> missing(current, StytchMember.class));
    }

    @Produces
    @Typed(StytchSession.class)
    StytchSession session(CurrentStytchSession current) {
        return current.session().orElseThrow(() -> missing(current, StytchSession.class));
    }

    @Produces
    @Typed(StytchMemberSession.class)
    StytchMemberSession memberSession(CurrentStytchSession current) {
        return current.memberSession().orElseThrow(() -> missing(current, StytchMemberSession.class));
    }

    private static RuntimeException missing(CurrentStytchSession current, Class<?> wanted) {
        if (current.principal().isEmpty()) { // anonymous, or an access token: no session
            return new StytchNotAuthenticatedException();
        }
        String caller = current.member().isPresent() ? "a B2B member (inject StytchMember or StytchMemberSession)"
                : "a consumer user (inject StytchUser or StytchSession)";
        return new IllegalStateException(wanted.getSimpleName() + " injected, but the caller is " + caller
                + "; check stytch.vertical");
    }
}
