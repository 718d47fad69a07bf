package io.github.stytchjakarta.testkit;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Demo data for a standalone emulator and the example application: a "documents" policy in both verticals, two
 * organizations with members in the roles admin, editor and viewer, a consumer user, a session for each of them, and
 * an M2M client. Immutable and thread-safe.
 *
 * <p>The roles ({@value #RESOURCE} resource, actions {@code create read write delete}): {@value #ADMIN} may do
 * everything ({@code *}), {@value #EDITOR} may read and write, {@value #VIEWER} may read. The B2B policy is Stytch's
 * default plus these roles; the consumer policy likewise. Both have the scopes {@code read:documents} (documents
 * {@code read}) and {@code write:documents} (documents {@code write}) for M2M and Connected-App tokens.
 *
 * @param acme          "Acme Corp", slug {@code acme}, external id {@code ext-acme}
 * @param globex        "Globex", slug {@code globex}
 * @param alice         Acme admin (and {@code stytch_admin}), external id {@code ext-alice}
 * @param bob           Acme editor
 * @param carol         Acme viewer
 * @param dave          Globex editor
 * @param ada           the consumer user, an editor
 * @param sessions      a session per person, keyed by email address, in the order above
 * @param reportingClient an M2M client with the scopes {@code read:documents} and {@code write:documents}
 */
public record DemoData(EmulatedOrganization acme, EmulatedOrganization globex, EmulatedMember alice, EmulatedMember bob,
        EmulatedMember carol, EmulatedMember dave, EmulatedUser ada, Map<String, EmulatedSession> sessions,
        EmulatedM2mClient reportingClient) {

    /** The resource of the demo policy. */
    public static final String RESOURCE = "documents";

    /** Role that may do everything with documents. */
    public static final String ADMIN = "admin";

    /** Role that may read and write documents. */
    public static final String EDITOR = "editor";

    /** Role that may read documents. */
    public static final String VIEWER = "viewer";

    /** How long the demo sessions live. */
    public static final Duration SESSION_DURATION = Duration.ofDays(7);

    public DemoData {
        sessions = Collections.unmodifiableMap(new LinkedHashMap<>(sessions));
    }

    /**
     * Seeds an emulator: sets both policies and creates the organizations, members, user, sessions and M2M client.
     *
     * @param emulator the emulator
     * @return what was created
     */
    public static DemoData seed(StytchEmulator emulator) {
        emulator.rbac().setB2bPolicy(withDocuments(EmulatedPolicy.defaultB2bPolicy()));
        emulator.rbac().setConsumerPolicy(withDocuments(EmulatedPolicy.defaultConsumerPolicy()));

        EmulatedOrganization acme = emulator.createOrganization(o -> o.name("Acme Corp").slug("acme").externalId("ext-acme"));
        EmulatedOrganization globex = emulator.createOrganization(o -> o.name("Globex").slug("globex"));
        EmulatedMember alice = emulator.createMember(acme, m -> m.email("alice@acme.test").name("Alice Admin")
                .roles(EmulatedPolicy.STYTCH_ADMIN, ADMIN).externalId("ext-alice"));
        EmulatedMember bob = emulator.createMember(acme, m -> m.email("bob@acme.test").name("Bob Editor").roles(EDITOR));
        EmulatedMember carol = emulator.createMember(acme, m -> m.email("carol@acme.test").name("Carol Viewer").roles(VIEWER));
        EmulatedMember dave = emulator.createMember(globex, m -> m.email("dave@globex.test").name("Dave Editor").roles(EDITOR));
        EmulatedUser ada = emulator.createUser(u -> u.email("ada@example.com").name("Ada Lovelace").roles(EDITOR));

        Map<String, EmulatedSession> sessions = new LinkedHashMap<>();
        for (EmulatedMember member : new EmulatedMember[] {alice, bob, carol, dave}) {
            sessions.put(member.email(), emulator.createMemberSession(member, s -> s.duration(SESSION_DURATION)));
        }
        sessions.put(ada.email(), emulator.createSession(ada, s -> s.duration(SESSION_DURATION)));
        EmulatedM2mClient reportingClient = emulator.createM2mClient(c -> c.scopes("read:documents", "write:documents"));
        return new DemoData(acme, globex, alice, bob, carol, dave, ada, sessions, reportingClient);
    }

    private static EmulatedPolicy withDocuments(EmulatedPolicy base) {
        return base.toBuilder()
                .resource(RESOURCE, "Documents", "create", "read", "write", "delete")
                .role(ADMIN, "Manages documents", EmulatedPolicy.permission(RESOURCE, EmulatedPolicy.ANY_ACTION))
                .role(EDITOR, "Reads and writes documents", EmulatedPolicy.permission(RESOURCE, "read", "write"))
                .role(VIEWER, "Reads documents", EmulatedPolicy.permission(RESOURCE, "read"))
                .scope("read:documents", "Read documents", EmulatedPolicy.permission(RESOURCE, "read"))
                .scope("write:documents", "Write documents", EmulatedPolicy.permission(RESOURCE, "write"))
                .build();
    }
}
