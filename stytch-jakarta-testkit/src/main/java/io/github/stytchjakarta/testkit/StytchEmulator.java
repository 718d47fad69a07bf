package io.github.stytchjakarta.testkit;

import io.github.stytchjakarta.testkit.internal.EmulatorServer;
import io.github.stytchjakarta.testkit.internal.EmulatorState;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A local Stytch API over real HTTP on loopback, for tests and development: the JWKS, session authentication, session
 * listing and revocation (consumer and B2B), RBAC policies, M2M tokens, Connected-App clients, token introspection
 * and the authorization-server metadata, with a Java API to seed users,
 * organizations, members and sessions, to mint JWTs of every kind (session, M2M, Connected-App access and ID tokens),
 * to rotate keys and to inject faults.
 *
 * <pre>
 * try (StytchEmulator emulator = StytchEmulator.builder().build().start()) {
 *     EmulatedUser user = emulator.createUser(u -&gt; u.email("ada@example.com").roles("editor"));
 *     EmulatedSession session = emulator.createSession(user, s -&gt; s.duration(Duration.ofHours(1)));
 *     // point the code under test at emulator.baseUrl() with emulator.projectId() / emulator.secret()
 * }
 * </pre>
 * Seeding is on this class; the rest is grouped in sub-objects: {@link #tokens()} (minting), {@link #keys()},
 * {@link #rbac()} (policies), {@link #connectedApps()} (OAuth clients and their tokens), {@link #faults()},
 * {@link #requestLog()} and {@link #webhooks()}.
 *
 * <p>The endpoints are listed in the {@linkplain io.github.stytchjakarta.testkit package documentation}.
 *
 * <p>Thread-safe. The server binds {@value #LOOPBACK_ADDRESS} unless {@link Builder#bindAddress} says otherwise, and
 * serves requests on {@value #HTTP_THREADS} daemon threads; {@link #close()} stops it.
 */
public final class StytchEmulator implements AutoCloseable {

    /** The project id of an emulator built without {@link Builder#projectId}. */
    public static final String DEFAULT_PROJECT_ID = "project-test-6b1f1d5e-4c4b-4e57-9d7a-8f0e2a9c3b21";

    /** The secret of an emulator built without {@link Builder#secret}. */
    public static final String DEFAULT_SECRET = "secret-test-emulator-c2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbg=";

    /** The port of an emulator built without {@link Builder#port}: 0, an ephemeral port. */
    public static final int DEFAULT_PORT = 0;

    /** The issuer style of an emulator built without {@link Builder#issuerStyle}. */
    public static final IssuerStyle DEFAULT_ISSUER_STYLE = IssuerStyle.STYTCH;

    /** The address the server binds without {@link Builder#bindAddress}, and its base URL's host when bound to all. */
    public static final String LOOPBACK_ADDRESS = "127.0.0.1";

    /** Threads serving HTTP requests (a latency fault holds one per delayed request). */
    public static final int HTTP_THREADS = 16;

    /** How long {@link #close()} waits for request threads to finish. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final System.Logger LOGGER = System.getLogger(StytchEmulator.class.getName());

    /**
     * The JDK {@code HttpServer} property that turns Nagle's algorithm off on its connections. Left on (the
     * default), each answer's body waits for the client's delayed ACK of the headers: about 40 ms a call on
     * Linux, against 1-4 ms without. The server reads it once per JVM, when the first one starts, so it is set
     * when this class is loaded, unless given on the command line.
     */
    public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        System.setProperty(NODELAY_PROPERTY, System.getProperty(NODELAY_PROPERTY, "true"));
    }

    private final int port;
    private final InetAddress bindAddress;
    private final EmulatorState state;
    private final EmulatorKeys keys;
    private final EmulatorFaults faults;
    private final EmulatorTokens tokens;
    private final EmulatorConnectedApps connectedApps;
    private final EmulatorRbac rbac;
    private final EmulatorRequestLog requestLog;
    private final EmulatorWebhooks webhooks;
    private final EmulatorSeeding seeding;
    private final EmulatorServer server;
    private volatile URI baseUrl;
    private boolean running;
    private boolean closed;

    private StytchEmulator(Builder builder) {
        this.port = builder.port;
        this.bindAddress = builder.bindAddress;
        this.state = new EmulatorState(builder.projectId, builder.secret, builder.clock, builder.issuerStyle);
        this.keys = new EmulatorKeys(state.keys());
        this.faults = new EmulatorFaults(state.faults());
        this.tokens = new EmulatorTokens(state);
        this.connectedApps = new EmulatorConnectedApps(state, tokens);
        this.rbac = new EmulatorRbac(state.rbac(), state.webhooks(), state.projectId());
        this.webhooks = new EmulatorWebhooks(state.webhooks());
        this.requestLog = new EmulatorRequestLog(state.requestLog());
        this.seeding = new EmulatorSeeding(state, tokens);
        this.server = new EmulatorServer(state, tokens.issuer());
    }

    /** @return a builder with every default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the address and port and starts serving.
     *
     * @return this emulator
     * @throws IllegalStateException if already started or closed
     * @throws UncheckedIOException  if the port cannot be bound
     */
    public synchronized StytchEmulator start() {
        if (running || closed) {
            throw new IllegalStateException("An emulator starts once");
        }
        baseUrl = server.start(bindAddress, port);
        running = true;
        state.setBaseUrl(baseUrl.toString());
        LOGGER.log(Level.DEBUG, "Stytch emulator for {0} listening on {1}", state.projectId(), baseUrl);
        return this;
    }

    /** Stops the server; pending requests are abandoned. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        server.close();
    }

    // ---- configuration ------------------------------------------------------------------------------------------

    /**
     * @return {@code http://127.0.0.1:PORT} (the bound address instead, unless it is the wildcard), no trailing slash
     * @throws IllegalStateException before {@link #start()}
     */
    public URI baseUrl() {
        URI url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("The emulator has not started");
        }
        return url;
    }

    /** @return the project id */
    public String projectId() {
        return state.projectId();
    }

    /** @return the project secret */
    public String secret() {
        return state.secret();
    }

    /**
     * @return the {@code iss} of minted JWTs: {@code stytch.com/{project_id}} or the base URL
     * @throws IllegalStateException for {@link IssuerStyle#BASE_URL} before {@link #start()}
     */
    public String issuer() {
        return state.issuer();
    }

    /** @return {@code {baseUrl}/v1/sessions/jwks/{project_id}} */
    public URI jwksUri() {
        return URI.create(baseUrl() + "/v1/sessions/jwks/" + projectId());
    }

    /** @return {@code {baseUrl}/v1/b2b/sessions/jwks/{project_id}} */
    public URI b2bJwksUri() {
        return URI.create(baseUrl() + "/v1/b2b/sessions/jwks/" + projectId());
    }

    /** @return the clock behind every timestamp the emulator makes */
    public Clock clock() {
        return state.clock();
    }

    // ---- seeding ------------------------------------------------------------------------------------------------

    /**
     * @param spec sets the user's fields
     * @return the new user
     * @throws IllegalArgumentException if the external id is taken
     */
    public EmulatedUser createUser(Consumer<EmulatedUser.Builder> spec) {
        return seeding.createUser(spec);
    }

    /**
     * @param spec sets the organization's fields
     * @return the new organization
     * @throws IllegalArgumentException if the slug or external id is taken
     */
    public EmulatedOrganization createOrganization(Consumer<EmulatedOrganization.Builder> spec) {
        return seeding.createOrganization(spec);
    }

    /**
     * @param organization the member's organization (of this emulator)
     * @param spec         sets the member's fields
     * @return the new member
     * @throws IllegalArgumentException if the organization is unknown or the email or external id is taken in it
     */
    public EmulatedMember createMember(EmulatedOrganization organization, Consumer<EmulatedMember.Builder> spec) {
        return seeding.createMember(organization, spec);
    }

    /**
     * Creates a consumer session. Without factors it has an email magic link for the user's email.
     *
     * @param user the user (of this emulator)
     * @param spec sets duration, factors, attributes, custom claims
     * @return the session
     */
    public EmulatedSession createSession(EmulatedUser user, Consumer<EmulatedSession.Builder> spec) {
        return seeding.createSession(user, spec);
    }

    /**
     * Creates a B2B member session. Without factors it has an email magic link for the member's email.
     *
     * @param member the member (of this emulator)
     * @param spec   sets duration, factors, attributes, custom claims
     * @return the session
     */
    public EmulatedSession createMemberSession(EmulatedMember member, Consumer<EmulatedSession.Builder> spec) {
        return seeding.createMemberSession(member, spec);
    }

    /**
     * @param spec sets the client's scopes and custom claims
     * @return the new client, with a random secret
     */
    public EmulatedM2mClient createM2mClient(Consumer<EmulatedM2mClient.Builder> spec) {
        return seeding.createM2mClient(spec);
    }

    /**
     * Revokes a session (either vertical): the API no longer accepts its token or JWTs. JWTs already minted still
     * verify locally until they expire, as with Stytch.
     *
     * @param sessionId the session id
     * @return whether an active session was revoked
     */
    public boolean revokeSession(String sessionId) {
        return state.revokeSession(sessionId);
    }

    /**
     * Deletes a B2B member: its sessions are revoked (without webhooks of their own) and a {@code member}
     * {@code DELETE} webhook is sent. JWTs already minted still verify locally until they expire, as with Stytch.
     *
     * @param memberId the member id
     * @return whether the member existed
     */
    public boolean deleteMember(String memberId) {
        return seeding.deleteMember(memberId);
    }

    // ---- sub-objects --------------------------------------------------------------------------------------------

    /** @return the minting of JWTs of every kind */
    public EmulatorTokens tokens() {
        return tokens;
    }

    /** @return the Connected-App clients, their access tokens and revocations */
    public EmulatorConnectedApps connectedApps() {
        return connectedApps;
    }

    /** @return the signing keys and the JWKS */
    public EmulatorKeys keys() {
        return keys;
    }

    /** @return the RBAC policies and organization roles */
    public EmulatorRbac rbac() {
        return rbac;
    }

    /** @return the fault injection controls */
    public EmulatorFaults faults() {
        return faults;
    }

    /** @return the webhooks sent on state changes, and their endpoints */
    public EmulatorWebhooks webhooks() {
        return webhooks;
    }

    /** @return the requests received */
    public EmulatorRequestLog requestLog() {
        return requestLog;
    }

    @Override
    public String toString() {
        URI url = baseUrl;
        return "StytchEmulator[" + projectId() + (url == null ? "" : " at " + url) + "]";
    }

    /**
     * Configures a {@link StytchEmulator}. Not thread-safe.
     */
    public static final class Builder {

        private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

        private String projectId = DEFAULT_PROJECT_ID;
        private String secret = DEFAULT_SECRET;
        private int port = DEFAULT_PORT;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private IssuerStyle issuerStyle = DEFAULT_ISSUER_STYLE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param projectId letters, digits, {@code -} and {@code _}; {@code project-live-…} gives {@code -live-} ids;
         *                  default {@link #DEFAULT_PROJECT_ID}
         * @return this builder
         */
        public Builder projectId(String projectId) {
            if (!PROJECT_ID.matcher(Objects.requireNonNull(projectId, "projectId")).matches()) {
                throw new IllegalArgumentException("A project id has 1-128 of A-Z a-z 0-9 - _");
            }
            this.projectId = projectId;
            return this;
        }

        /**
         * @param secret the project secret; non-empty; default {@link #DEFAULT_SECRET}
         * @return this builder
         */
        public Builder secret(String secret) {
            if (Objects.requireNonNull(secret, "secret").isEmpty()) {
                throw new IllegalArgumentException("A secret is not empty");
            }
            this.secret = secret;
            return this;
        }

        /**
         * @param port 0 for an ephemeral port (the default), else 1-65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("A port is 0-65535");
            }
            this.port = port;
            return this;
        }

        /**
         * @param address the address to listen on, e.g. {@code 0.0.0.0} to be reachable from a container; default
         *                {@value #LOOPBACK_ADDRESS}. The emulator has demo credentials only: bind beyond loopback
         *                on a trusted network only.
         * @return this builder
         * @throws IllegalArgumentException if it is not a literal IP address or a resolvable name
         */
        public Builder bindAddress(String address) {
            try {
                this.bindAddress = InetAddress.getByName(Objects.requireNonNull(address, "address"));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an address to bind: " + address, e);
            }
            return this;
        }

        /**
         * @param issuerStyle the {@code iss} of minted JWTs; default {@link #DEFAULT_ISSUER_STYLE}
         * @return this builder
         */
        public Builder issuerStyle(IssuerStyle issuerStyle) {
            this.issuerStyle = Objects.requireNonNull(issuerStyle, "issuerStyle");
            return this;
        }

        /**
         * @param clock the clock of every timestamp (JWT times, session expiry); default the system UTC clock; see
         *              {@link MutableClock}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Generates the first signing key (RSA-2048); does not bind the port.
         *
         * @return the emulator, not started
         */
        public StytchEmulator build() {
            return new StytchEmulator(this);
        }
    }
}
