package io.github.stytchjakarta.benchmarks;

import static io.github.stytchjakarta.benchmarks.TrialChecks.require;
import static io.github.stytchjakarta.benchmarks.TrialChecks.requireNoNetworkCalls;

import io.github.stytchjakarta.core.AuthorizationDecision;
import io.github.stytchjakarta.core.ConnectedAppCaller;
import io.github.stytchjakarta.core.M2mCaller;
import io.github.stytchjakarta.core.Permission;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.internal.jwt.TokenKind;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Local verification of the access tokens of machine and agent callers (issue 16), measured in the same run as
 * {@link SessionVerificationBenchmark} and reported against its {@code jcaVerify} baseline with the same targets.
 *
 * <p>The trial setup starts a {@link StytchEmulator} seeded with {@link DemoData}, mints RS256 M2M access tokens of
 * the demo M2M client ({@code read:documents write:documents}) and Connected-App access tokens the Acme editor Bob
 * granted to the emulator's default Connected App with the same two policy scopes, and builds two {@link Stytch}
 * facades (default verified-token cache; cache disabled). It runs every path once and checks that it succeeds as
 * intended: the right caller, the cached facade answering with the very caller it cached and the uncached facade
 * building a new one for every call (the verifiers do not report their outcome, so identity is what shows it); and
 * that no benchmark calls the emulator (request log), again at trial teardown.
 *
 * <ul>
 *   <li>{@link #m2mColdVerify()}, {@link #appColdVerify()}: {@code verify(token)} of a token not verified before, on
 *       each call: the calls cycle through {@link #tokenPoolSize} distinct tokens with the cache disabled
 *       ({@code stytch.cache.max-entries=0}), like {@code ourColdVerify}.</li>
 *   <li>{@link #m2mWarmVerify()}, {@link #appWarmVerify()}: the same token on every call, answered by the cache.</li>
 *   <li>{@link #appScopeCheck()}: "may Bob's Connected-App caller read documents", from the cached project
 *       policy's scopes.</li>
 *   <li>{@link #tokenKindPeek()}: the unverified read of a Connected-App token's claims with which the filter picks
 *       the verifier for a bearer token whenever access tokens are enabled ({@code TokenKind.peek}): paid on top of
 *       the verification, cached or not. Informative, no target.</li>
 * </ul>
 *
 * <p>No scope is required in {@code verify}, as the filter calls it; tokens live
 * {@link SessionVerificationBenchmark#TOKEN_LIFETIME} (a real one lives an hour; verifying costs the same).
 *
 * <p>JMH state for one thread ({@link Scope#Benchmark}, run with one thread): not thread-safe.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AccessTokenVerificationBenchmark {

    /** The scopes of every Connected-App token: the demo policy's two, the same as the demo M2M client's. */
    public static final List<String> APP_SCOPES = List.of("read:documents", "write:documents");

    /** The permission {@link #appScopeCheck()} asks for; the policy's scope {@code read:documents} grants it. */
    public static final Permission PERMISSION = new Permission(DemoData.RESOURCE, SessionVerificationBenchmark.ACTION);

    private static final Duration TOKEN_LIFETIME = SessionVerificationBenchmark.TOKEN_LIFETIME;

    /** How many distinct tokens of each kind the cold benchmarks cycle through. */
    @Param(SessionVerificationBenchmark.DEFAULT_TOKEN_POOL_SIZE)
    public int tokenPoolSize;

    private StytchEmulator emulator;
    private Stytch cached;
    private Stytch uncached;

    private String m2mToken;
    private String[] newM2mTokens;
    private int nextM2m;
    private String appToken;
    private String[] newAppTokens;
    private int nextApp;
    private ConnectedAppCaller appCaller;

    /** Starts the emulator and the facades, mints the tokens, warms every cache and checks every path. */
    @Setup(Level.Trial)
    public void setUp() {
        require(tokenPoolSize > 0, SessionVerificationBenchmark.TOKEN_POOL_SIZE + " must be positive");
        emulator = StytchEmulator.builder().build().start();
        DemoData demo = DemoData.seed(emulator);
        EmulatedM2mClient client = demo.reportingClient();
        EmulatedMember bob = demo.bob();
        EmulatedConnectedApp app = emulator.connectedApps().defaultClient();
        String[] scopes = APP_SCOPES.toArray(String[]::new);

        Instant expiry = emulator.clock().instant().plus(TOKEN_LIFETIME);
        m2mToken = emulator.tokens().m2mToken(client).expiresAt(expiry).mint();
        appToken = emulator.tokens().connectedAppToken(bob, app, scopes).expiresAt(expiry).mint();
        newM2mTokens = new String[tokenPoolSize];
        newAppTokens = new String[tokenPoolSize];
        for (int i = 0; i < tokenPoolSize; i++) {
            // an M2M token has no jti: tokens of one client minted in the same second differ only by their exp
            newM2mTokens[i] = emulator.tokens().m2mToken(client).expiresAt(expiry.plusSeconds(i + 1L)).mint();
            newAppTokens[i] = emulator.tokens().connectedAppToken(bob, app, scopes).expiresAt(expiry).mint();
        }
        require(Arrays.stream(newM2mTokens).distinct().count() == tokenPoolSize
                        && Arrays.stream(newAppTokens).distinct().count() == tokenPoolSize,
                "the token pools are not distinct tokens");

        cached = Stytch.create(config(StytchConfig.DEFAULT_CACHE_MAX_ENTRIES));
        uncached = Stytch.create(config(0));

        M2mCaller m2mCaller = cached.m2mVerifier().verify(m2mToken);
        require(m2mCaller.clientId().equals(client.clientId()) && m2mCaller.scopes().equals(client.scopes()),
                "M2M verification: wrong client " + m2mCaller);
        require(m2mWarmVerify() == m2mCaller, "m2mWarmVerify: not answered by the cache");
        require(uncached.m2mVerifier().verify(m2mToken) != uncached.m2mVerifier().verify(m2mToken),
                "m2mColdVerify: the cache is not disabled");
        for (int i = 0; i < tokenPoolSize; i++) {
            require(m2mColdVerify().clientId().equals(client.clientId()), "m2mColdVerify: wrong client");
        }

        appCaller = cached.connectedAppVerifier().verify(appToken);
        require(appCaller.subject().equals(bob.memberId()) && appCaller.clientId().equals(app.clientId())
                        && appCaller.organizationId().equals(Optional.of(bob.organizationId()))
                        && appCaller.scopes().equals(APP_SCOPES),
                "Connected-App verification: wrong caller " + appCaller);
        require(appWarmVerify() == appCaller, "appWarmVerify: not answered by the cache");
        require(uncached.connectedAppVerifier().verify(appToken) != uncached.connectedAppVerifier().verify(appToken),
                "appColdVerify: the cache is not disabled");
        for (int i = 0; i < tokenPoolSize; i++) {
            require(appColdVerify().subject().equals(bob.memberId()), "appColdVerify: wrong caller");
        }
        require(appScopeCheck().granted() && appScopeCheck().grantingRoles().equals(List.of("read:documents")),
                "appScopeCheck: read:documents does not grant " + PERMISSION);
        require(tokenKindPeek() == TokenKind.CONNECTED_APP_ACCESS, "tokenKindPeek: not seen as a Connected-App token");

        emulator.requestLog().clear();
        m2mColdVerify();
        m2mWarmVerify();
        appColdVerify();
        appWarmVerify();
        appScopeCheck();
        tokenKindPeek();
        requireNoNetworkCalls(emulator, "once caches are warm");
    }

    /** Checks that nothing called the emulator during the run, then closes everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            requireNoNetworkCalls(emulator, "during the run");
        } finally {
            closeAll();
        }
    }

    /** @return the client of an M2M token this facade never verified before */
    @Benchmark
    public M2mCaller m2mColdVerify() {
        String next = newM2mTokens[nextM2m];
        nextM2m = (nextM2m + 1) % newM2mTokens.length;
        return uncached.m2mVerifier().verify(next);
    }

    /** @return the client of the M2M token verified before, from the cache */
    @Benchmark
    public M2mCaller m2mWarmVerify() {
        return cached.m2mVerifier().verify(m2mToken);
    }

    /** @return the caller of a Connected-App token this facade never verified before */
    @Benchmark
    public ConnectedAppCaller appColdVerify() {
        String next = newAppTokens[nextApp];
        nextApp = (nextApp + 1) % newAppTokens.length;
        return uncached.connectedAppVerifier().verify(next);
    }

    /** @return the caller of the Connected-App token verified before, from the cache */
    @Benchmark
    public ConnectedAppCaller appWarmVerify() {
        return cached.connectedAppVerifier().verify(appToken);
    }

    /** @return the decision (granted by {@code read:documents}) */
    @Benchmark
    public AuthorizationDecision appScopeCheck() {
        return cached.authorizer().check(appCaller, PERMISSION);
    }

    /** @return the kind the Connected-App token claims to be */
    @Benchmark
    public TokenKind tokenKindPeek() {
        return TokenKind.peek(appToken);
    }

    /** @return the emulator, for tests of this class */
    StytchEmulator emulator() {
        return emulator;
    }

    private StytchConfig config(int cacheMaxEntries) {
        return EmulatorConfigs.b2b(emulator, TOKEN_LIFETIME).cacheMaxEntries(cacheMaxEntries).build();
    }

    private void closeAll() {
        // the facades first, then the emulator they talk to; null when the setup failed early
        if (uncached != null) {
            uncached.close();
        }
        if (cached != null) {
            cached.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }
}
