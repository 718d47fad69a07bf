package io.github.stytchjakarta.benchmarks.http;

import io.github.stytchjakarta.benchmarks.EmulatorConfigs;
import io.github.stytchjakarta.core.InvalidTokenException;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.filter.CredentialSource;
import io.github.stytchjakarta.filter.Problem;
import io.github.stytchjakarta.filter.StytchAuthenticationFilter;
import io.github.stytchjakarta.filter.StytchWebAuthenticator;
import io.github.stytchjakarta.filter.StytchWebConfig;
import io.github.stytchjakarta.filter.WebFailure;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.JwtMinter;
import io.github.stytchjakarta.testkit.StytchEmulator;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The system under load: a {@link StytchEmulator} seeded with {@link DemoData} (B2B) and one embedded Jetty 12
 * (ee10) server on 127.0.0.1, ephemeral port, with one tiny servlet that answers {@code 200 text/plain} with
 * {@code getRemoteUser()} or {@value #ANONYMOUS}, mapped four times:
 * <ul>
 *   <li>{@value #BASELINE_PATH}: no filter;</li>
 *   <li>{@value #PROTECTED_PATH}: behind a {@link StytchAuthenticationFilter} with the default verified-token
 *       cache;</li>
 *   <li>{@value #UNCACHED_PATH}: behind a second filter whose cache is disabled ({@code stytch.cache.max-entries=0}),
 *       so that every JWT is verified in full;</li>
 *   <li>{@value #OPAQUE_CACHED_PATH}: behind a third filter that reuses opaque-token results
 *       ({@code stytch.cache.opaque-tokens=true}).</li>
 * </ul>
 * The filters are B2B, in API mode (401, never a redirect), against the emulator; each has its own
 * {@link Stytch} facade. Key sets and policies live {@link #TOKEN_LIFETIME}, as do the tokens, so no run sees
 * an unintentionally expired token (which would be sent to the API) or a background refresh: the only calls to
 * the emulator are then the first key-set fetch of each filter and the session checks of the scenarios that
 * send an opaque token or an expired JWT.
 *
 * <p>The credentials belong to the demo member Bob (Acme editor): one long-lived session whose JWT is the
 * cached cookie and whose token is the opaque cookie, and {@value #TOKEN_POOL_SIZE} more sessions whose
 * distinct JWTs are the bearer pool of {@link Scenario#NEW_JWT}. Each {@link #target} of
 * {@link Scenario#CACHED_OPAQUE_TOKEN} and {@link Scenario#EXPIRED_JWT} makes a new session (and mints a JWT that
 * expired {@link JwtMinter#SESSION_JWT_LIFETIME} ago for the latter), and each of
 * {@link Scenario#RANDOM_OPAQUE_COOKIES} draws {@value #RANDOM_TOKEN_POOL_SIZE} new random tokens, so that every
 * run starts with credentials no filter has seen.
 *
 * <p>Thread-safe: {@link #target} may be used by any number of load workers.
 */
final class HttpLoadServer implements AutoCloseable {

    /** The unfiltered path. */
    static final String BASELINE_PATH = "/baseline";

    /** The path behind the filter with the verified-token cache. */
    static final String PROTECTED_PATH = "/protected";

    /** The path behind the filter without the verified-token cache. */
    static final String UNCACHED_PATH = "/protected-uncached";

    /** The path behind the filter that reuses opaque-token results. */
    static final String OPAQUE_CACHED_PATH = "/protected-opaque-cached";

    /** The body of an unauthenticated answer. */
    static final String ANONYMOUS = "anonymous";

    /** Lifetime of every session, token, key set and policy: longer than any run. */
    static final Duration TOKEN_LIFETIME = Duration.ofDays(1);

    /** Distinct JWTs {@link Scenario#NEW_JWT} cycles through (the cache is off, so the number only avoids repeats). */
    static final int TOKEN_POOL_SIZE = 256;

    /**
     * Distinct random tokens {@link Scenario#RANDOM_OPAQUE_COOKIES} cycles through in a run: each is refused by one
     * call the first time and from the memory of refusals after that, so a run costs at most this many calls.
     */
    static final int RANDOM_TOKEN_POOL_SIZE = 1_000;

    /** Random bytes of a random opaque token: 44 base64url characters, the shape of Stytch's session tokens. */
    static final int RANDOM_TOKEN_BYTES = 33;

    /** The code of the filter's answer to a session token Stytch does not know. */
    static final String SESSION_NOT_FOUND_CODE = "stytch.invalid_token.session_not_found";

    /** Connect and request timeout of the filters' calls to the emulator: generous for a loaded machine. */
    static final Duration STYTCH_TIMEOUT = Duration.ofSeconds(10);

    /** Timeout of every load request. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The filter's whole answer to a random opaque token: Stytch does not know the session. */
    private static final String SESSION_NOT_FOUND_BODY = new String(Problem.of(new WebFailure(WebFailure.Kind.INVALID_TOKEN,
            SESSION_NOT_FOUND_CODE, InvalidTokenException.Reason.SESSION_NOT_FOUND.description(),
            Optional.of(CredentialSource.SESSION_COOKIE), Optional.empty()), "stytch", Duration.ZERO).body(),
            StandardCharsets.UTF_8);

    private final StytchEmulator emulator;
    private final List<Stytch> facades;
    private final Server server;
    private final URI baseUri;
    private final String memberId;
    private final String sessionJwt;
    private final String sessionToken;
    private final List<String> tokenPool;
    private final EmulatedMember member;
    private final SecureRandom random = new SecureRandom();

    private HttpLoadServer(StytchEmulator emulator, List<Stytch> facades, Server server, URI baseUri, String memberId,
            String sessionJwt, String sessionToken, List<String> tokenPool, EmulatedMember member) {
        this.emulator = emulator;
        this.facades = facades;
        this.server = server;
        this.baseUri = baseUri;
        this.memberId = memberId;
        this.sessionJwt = sessionJwt;
        this.sessionToken = sessionToken;
        this.tokenPool = tokenPool;
        this.member = member;
    }

    /**
     * Starts the emulator, mints the credentials and starts Jetty.
     *
     * @return the running server
     * @throws Exception when Jetty cannot start
     */
    static HttpLoadServer start() throws Exception {
        StytchEmulator emulator = StytchEmulator.builder().build().start();
        List<Stytch> facades = new ArrayList<>();
        Server server = new Server();
        try {
            EmulatedMember bob = DemoData.seed(emulator).bob();
            EmulatedSession session = longLivedSession(emulator, bob);
            List<String> pool = new ArrayList<>(TOKEN_POOL_SIZE);
            for (int i = 0; i < TOKEN_POOL_SIZE; i++) {
                pool.add(mint(emulator, longLivedSession(emulator, bob)));
            }
            if (new HashSet<>(pool).size() != TOKEN_POOL_SIZE) {
                throw new IllegalStateException("the emulator minted equal JWTs for different sessions");
            }

            ServletContextHandler context = new ServletContextHandler("/");
            ServletHolder name = new ServletHolder("name", new NameServlet());
            for (String path : List.of(BASELINE_PATH, PROTECTED_PATH, UNCACHED_PATH, OPAQUE_CACHED_PATH)) {
                context.addServlet(name, path);
            }
            addFilter(context, PROTECTED_PATH, facade(emulator, StytchConfig.DEFAULT_CACHE_MAX_ENTRIES, false, facades));
            addFilter(context, UNCACHED_PATH, facade(emulator, 0, false, facades));
            addFilter(context, OPAQUE_CACHED_PATH, facade(emulator, StytchConfig.DEFAULT_CACHE_MAX_ENTRIES, true, facades));

            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(StytchEmulator.LOOPBACK_ADDRESS);
            server.addConnector(connector);
            server.setHandler(context);
            server.start();
            URI baseUri = URI.create("http://" + StytchEmulator.LOOPBACK_ADDRESS + ":" + connector.getLocalPort());
            return new HttpLoadServer(emulator, List.copyOf(facades), server, baseUri, bob.memberId(),
                    mint(emulator, session), session.sessionToken(), List.copyOf(pool), bob);
        } catch (Exception | Error e) {
            closeAll(server, facades, emulator);
            throw e;
        }
    }

    /**
     * What a run of a scenario sends and the answer every request must get; new credentials for the scenarios
     * that need them per run (see the class documentation).
     *
     * @param scenario the scenario
     * @return its requests and expected answer
     */
    Target target(Scenario scenario) {
        return switch (scenario) {
            case BASELINE -> Target.fixed(request(BASELINE_PATH).build(), ANONYMOUS);
            case BASELINE_WITH_JWT_COOKIE -> Target.fixed(request(BASELINE_PATH).header("Cookie", jwtCookie()).build(),
                    ANONYMOUS);
            case CACHED_JWT, STYTCH_HUNG -> Target.fixed(request(PROTECTED_PATH).header("Cookie", jwtCookie()).build(),
                    memberId);
            case NEW_JWT -> Target.cycled(tokenPool.stream()
                    .map(jwt -> request(UNCACHED_PATH).header("Authorization", "Bearer " + jwt).build()).toList(),
                    HttpServletResponse.SC_OK, memberId);
            case OPAQUE_TOKEN -> Target.fixed(request(PROTECTED_PATH).header("Cookie", opaqueCookie(sessionToken)).build(),
                    memberId);
            case CACHED_OPAQUE_TOKEN -> Target.fixed(request(OPAQUE_CACHED_PATH)
                    .header("Cookie", opaqueCookie(longLivedSession(emulator, member).sessionToken())).build(), memberId);
            case EXPIRED_JWT -> Target.fixed(request(PROTECTED_PATH).header("Cookie", StytchConfig.DEFAULT_TOKEN_COOKIE + "="
                    + emulator.tokens().jwt(longLivedSession(emulator, member)).expired().mint()).build(), memberId);
            case RANDOM_OPAQUE_COOKIES -> Target.cycled(randomTokens().stream()
                    .map(token -> request(PROTECTED_PATH).header("Cookie", opaqueCookie(token)).build()).toList(),
                    HttpServletResponse.SC_UNAUTHORIZED, SESSION_NOT_FOUND_BODY);
        };
    }

    /** @return the emulator, whose request log shows every call the filters made */
    StytchEmulator emulator() {
        return emulator;
    }

    /** @return {@code http://127.0.0.1:<port>} */
    URI baseUri() {
        return baseUri;
    }

    /** Stops Jetty, then the facades, then the emulator. */
    @Override
    public void close() {
        closeAll(server, facades, emulator);
    }

    private List<String> randomTokens() {
        Set<String> tokens = new HashSet<>();
        byte[] bytes = new byte[RANDOM_TOKEN_BYTES];
        while (tokens.size() < RANDOM_TOKEN_POOL_SIZE) {
            random.nextBytes(bytes);
            tokens.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return List.copyOf(tokens);
    }

    private static String opaqueCookie(String token) {
        return StytchConfig.DEFAULT_SESSION_COOKIE + "=" + token;
    }

    private String jwtCookie() {
        return StytchConfig.DEFAULT_TOKEN_COOKIE + "=" + sessionJwt;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(REQUEST_TIMEOUT).GET();
    }

    private static EmulatedSession longLivedSession(StytchEmulator emulator, EmulatedMember member) {
        return emulator.createMemberSession(member, session -> session.duration(TOKEN_LIFETIME));
    }

    private static String mint(StytchEmulator emulator, EmulatedSession session) {
        return emulator.tokens().jwt(session).expiresAt(emulator.clock().instant().plus(TOKEN_LIFETIME)).mint();
    }

    private static Stytch facade(StytchEmulator emulator, int cacheMaxEntries, boolean cacheOpaqueTokens,
            List<Stytch> facades) {
        Stytch stytch = Stytch.create(EmulatorConfigs.b2b(emulator, TOKEN_LIFETIME)
                .httpConnectTimeout(STYTCH_TIMEOUT)
                .httpRequestTimeout(STYTCH_TIMEOUT)
                // one request, one call: a retry would hide a failure and skew the opaque-token scenario
                .httpMaxRetries(0)
                .cacheMaxEntries(cacheMaxEntries)
                .cacheOpaqueTokens(cacheOpaqueTokens)
                .build());
        facades.add(stytch);
        return stytch;
    }

    private static void addFilter(ServletContextHandler context, String path, Stytch stytch) {
        StytchWebConfig web = StytchWebConfig.builder().mode(StytchWebConfig.Mode.API).build();
        StytchAuthenticationFilter filter = new StytchAuthenticationFilter(StytchWebAuthenticator.create(stytch, web));
        context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST));
    }

    private static void closeAll(Server server, List<Stytch> facades, StytchEmulator emulator) {
        try {
            server.stop();
        } catch (Exception e) {
            System.getLogger(HttpLoadServer.class.getName()).log(System.Logger.Level.WARNING,
                    "Jetty did not stop cleanly: {0}", e.getClass().getName());
        } finally {
            facades.forEach(Stytch::close);
            emulator.close();
        }
    }

    /**
     * The requests of a run and the answer each must get.
     *
     * @param requests       the next request to send; thread-safe
     * @param expectedStatus the status of a correct answer
     * @param expectedBody   the whole body of a correct answer
     * @param credentials    how many distinct credentials the requests carry, at most
     */
    record Target(Supplier<HttpRequest> requests, int expectedStatus, String expectedBody, int credentials) {

        /** The same request every time, answered 200. */
        static Target fixed(HttpRequest request, String expectedBody) {
            return new Target(() -> request, HttpServletResponse.SC_OK, expectedBody, 1);
        }

        /** The requests in turn, each with its own credential. */
        static Target cycled(List<HttpRequest> requests, int expectedStatus, String expectedBody) {
            AtomicInteger next = new AtomicInteger();
            return new Target(() -> requests.get(Math.floorMod(next.getAndIncrement(), requests.size())), expectedStatus,
                    expectedBody, requests.size());
        }
    }

    /** Answers {@code 200 text/plain} with the caller's name, or {@value HttpLoadServer#ANONYMOUS}. */
    private static final class NameServlet extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String user = request.getRemoteUser();
            byte[] body = (user == null ? ANONYMOUS : user).getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/plain;charset=utf-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
