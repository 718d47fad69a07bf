package io.github.stytchjakarta.benchmarks;

import static io.github.stytchjakarta.benchmarks.TrialChecks.require;
import static io.github.stytchjakarta.benchmarks.TrialChecks.requireNoNetworkCalls;

import com.nimbusds.jose.JOSEException;
import com.stytch.java.b2b.StytchB2BClient;
import com.stytch.java.b2b.api.sessions.Sessions;
import com.stytch.java.b2b.models.sessions.MemberSession;
import com.stytch.java.common.OptionalClientConfig;
import com.stytch.java.common.StytchResult;
import io.github.stytchjakarta.core.AuthenticatedSession;
import io.github.stytchjakarta.core.AuthenticatedSession.VerifiedBy;
import io.github.stytchjakarta.core.AuthorizationDecision;
import io.github.stytchjakarta.core.Permission;
import io.github.stytchjakarta.core.SessionCredential.SessionJwt;
import io.github.stytchjakarta.core.Stytch;
import io.github.stytchjakarta.core.StytchConfig;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedSession;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.EmptyCoroutineContext;
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
 * Local verification of a B2B Stytch session JWT and one RBAC check, next to the raw JCA signature
 * check every verifier must at least do and the official Stytch Java SDK's local verification.
 *
 * <p>The trial setup starts a {@link StytchEmulator} seeded with {@link DemoData}, creates sessions of
 * the Acme editor Bob and mints their RS256 JWTs, builds two {@link Stytch} facades (one with the
 * default verified-token cache, one with the cache disabled) and an SDK {@link StytchB2BClient}, all
 * pointed at the emulator. It then runs every path once, checks that each one succeeds the way it is
 * meant to (a benchmark of a failure path would measure nothing useful), and checks with the
 * emulator's request log that no benchmark makes a network call. The trial teardown checks the
 * request log again, so a result that included a call to the emulator is reported as an error, not
 * as a number.
 *
 * <ul>
 *   <li>{@link #jcaVerify()}: {@code SHA256withRSA} verification of the token's signing input with the
 *       signature already decoded and the {@link RSAPublicKey} ready: the floor.</li>
 *   <li>{@link #ourColdVerify()}: a token not verified before, on each call: the calls cycle through a pool
 *       of {@link #tokenPoolSize} distinct tokens, and the facade's cache is disabled
 *       ({@code stytch.cache.max-entries=0}), so each call parses, checks and verifies the signature.
 *       It still hashes the token and looks it up, as a cache miss does; only the insert is skipped.</li>
 *   <li>{@link #ourWarmVerify()}: the same token on every call, answered by the verified-token cache.</li>
 *   <li>{@link #sdkLocalVerify()}: the SDK's {@code sessions.authenticateJwtLocal} of that token (the SDK has
 *       no verified-token cache).</li>
 *   <li>{@link #rbacCheck()}: "may Bob read documents of Acme", tenancy included, from the cached policies.</li>
 * </ul>
 *
 * <p>The tokens live {@link #TOKEN_LIFETIME} (a real session JWT lives 5 minutes; verifying costs the
 * same) and the facades' key set and policy lifetimes are as long, so that a long run never sees an
 * expired token (it would be sent to the API) nor a background refresh.
 *
 * <p>JMH state for one thread ({@link Scope#Benchmark}, run with one thread): not thread-safe.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SessionVerificationBenchmark {

    /** Name of the {@link #tokenPoolSize} parameter ({@code -p tokenPoolSize=4096}). */
    public static final String TOKEN_POOL_SIZE = "tokenPoolSize";

    /** Default number of distinct tokens {@link #ourColdVerify()} cycles through. */
    public static final String DEFAULT_TOKEN_POOL_SIZE = "2048";

    /** Lifetime of every minted token and its session: longer than any run. */
    public static final Duration TOKEN_LIFETIME = Duration.ofDays(1);

    /** The permission {@link #rbacCheck()} asks for; the demo role {@code editor} grants it. */
    public static final String ACTION = "read";

    // the SDK's clock tolerance, in seconds, set to ours so both check the same window
    private static final int SDK_LEEWAY_SECONDS = (int) StytchConfig.DEFAULT_CLOCK_SKEW.toSeconds();

    // The SDK's local verification never suspends, so invoking the suspend function with this continuation
    // returns its result directly: this measures the verification itself, without the dispatcher hop that
    // authenticateJwtLocalCompletable adds for Java callers.
    private static final Continuation<Object> NOT_SUSPENDING = new Continuation<>() {
        @Override
        public CoroutineContext getContext() {
            return EmptyCoroutineContext.INSTANCE;
        }

        @Override
        public void resumeWith(Object result) {
            throw new IllegalStateException("authenticateJwtLocal suspended, which this benchmark assumes it never does");
        }
    };

    /** How many distinct tokens {@link #ourColdVerify()} cycles through. */
    @Param(DEFAULT_TOKEN_POOL_SIZE)
    public int tokenPoolSize;

    private StytchEmulator emulator;
    private Stytch cached;
    private Stytch uncached;
    private StytchB2BClient sdk;
    private Sessions sdkSessions;

    private String token;
    private SessionJwt credential;
    private SessionJwt[] newCredentials;
    private int nextNew;
    private RSAPublicKey publicKey;
    private byte[] signingInput;
    private byte[] signature;
    private StytchMember principal;

    /**
     * Starts the emulator and the clients, mints the tokens, warms every cache and checks every path.
     *
     * @throws GeneralSecurityException never: the JCA path is checked here
     * @throws JOSEException            never: the emulator's key is a valid RSA key
     */
    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException, JOSEException {
        require(tokenPoolSize > 0, TOKEN_POOL_SIZE + " must be positive");
        emulator = StytchEmulator.builder().build().start();
        EmulatedMember bob = DemoData.seed(emulator).bob();

        token = mint(emulator.createMemberSession(bob, session -> session.duration(TOKEN_LIFETIME)));
        credential = new SessionJwt(token);
        newCredentials = new SessionJwt[tokenPoolSize];
        for (int i = 0; i < tokenPoolSize; i++) {
            newCredentials[i] = new SessionJwt(
                    mint(emulator.createMemberSession(bob, session -> session.duration(TOKEN_LIFETIME))));
        }
        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        publicKey = emulator.keys().signingKey().publicJwk().toRSAPublicKey();

        cached = Stytch.create(config(StytchConfig.DEFAULT_CACHE_MAX_ENTRIES));
        uncached = Stytch.create(config(0));
        sdk = new StytchB2BClient(emulator.projectId(), emulator.secret(),
                new OptionalClientConfig(emulator.baseUrl().toString()));
        sdkSessions = sdk.getSessions();

        require(jcaVerify(), "jcaVerify: the signature does not verify");
        AuthenticatedSession first = cached.authenticator().authenticate(credential);
        require(first.verifiedBy() == VerifiedBy.LOCAL, "first verification was not local: " + first.verifiedBy());
        principal = (StytchMember) first.principal();
        require(principal.memberId().equals(bob.memberId()), "first verification: wrong member");
        require(ourWarmVerify().verifiedBy() == VerifiedBy.CACHE, "ourWarmVerify: not answered by the cache");
        for (int i = 0; i < tokenPoolSize; i++) {
            require(ourColdVerify().verifiedBy() == VerifiedBy.LOCAL, "ourColdVerify: a token was not verified locally");
        }
        require(sdkLocalVerify() instanceof StytchResult.Success<?> success
                && success.getValue() instanceof MemberSession session && session.getMemberId().equals(bob.memberId()),
                "sdkLocalVerify: the SDK did not accept the token");
        require(rbacCheck().granted(), "rbacCheck: the editor may not read documents");

        emulator.requestLog().clear();
        jcaVerify();
        ourColdVerify();
        ourWarmVerify();
        sdkLocalVerify();
        rbacCheck();
        requireNoNetworkCalls(emulator, "once caches are warm");
    }

    /**
     * Checks that nothing called the emulator during the run, then closes everything.
     */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            requireNoNetworkCalls(emulator, "during the run");
        } finally {
            closeAll();
        }
    }

    /**
     * @return whether the signature verifies (always {@code true})
     * @throws GeneralSecurityException never
     */
    @Benchmark
    public boolean jcaVerify() throws GeneralSecurityException {
        // the plain JCA recipe, as Nimbus does it: a new Signature per call (core reuses a Cipher per thread,
        // which makes the ratio 0.3-1.5 µs kinder to us; see the README)
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    /** @return the session of a token this facade never verified before */
    @Benchmark
    public AuthenticatedSession ourColdVerify() {
        SessionJwt next = newCredentials[nextNew];
        nextNew = (nextNew + 1) % newCredentials.length;
        return uncached.authenticator().authenticate(next);
    }

    /** @return the session of the token verified before, from the cache */
    @Benchmark
    public AuthenticatedSession ourWarmVerify() {
        return cached.authenticator().authenticate(credential);
    }

    /** @return the SDK's {@code StytchResult<MemberSession>} */
    @Benchmark
    public Object sdkLocalVerify() {
        return sdkSessions.authenticateJwtLocal(token, null, null, SDK_LEEWAY_SECONDS, NOT_SUSPENDING);
    }

    /** @return the decision (granted) */
    @Benchmark
    public AuthorizationDecision rbacCheck() {
        return cached.authorizer().checkInOrganization(principal, principal.organizationId(), new Permission(DemoData.RESOURCE, ACTION));
    }

    /** @return the emulator, for tests of this class */
    StytchEmulator emulator() {
        return emulator;
    }

    private StytchConfig config(int cacheMaxEntries) {
        return EmulatorConfigs.b2b(emulator, TOKEN_LIFETIME).cacheMaxEntries(cacheMaxEntries).build();
    }

    private String mint(EmulatedSession session) {
        return emulator.tokens().jwt(session).expiresAt(emulator.clock().instant().plus(TOKEN_LIFETIME)).mint();
    }

    private void closeAll() {
        // the clients first, then the emulator they talk to; null when the setup failed early
        if (sdk != null) {
            sdk.close();
        }
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
