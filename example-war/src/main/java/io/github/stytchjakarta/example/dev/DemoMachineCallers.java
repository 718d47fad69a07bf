package io.github.stytchjakarta.example.dev;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.example.documents.Workspace;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp;
import io.github.stytchjakarta.testkit.EmulatedConnectedApp.ClientType;
import io.github.stytchjakarta.testkit.EmulatedM2mClient;
import io.github.stytchjakarta.testkit.StytchEmulator;
import java.util.Objects;

/**
 * The dev run's machine callers, seeded into the emulator beside the {@link DemoData} so that the README's
 * {@code curl} lines work: an M2M client that reads the documents of the demo's first organization (its tokens
 * carry {@value Workspace#M2M_ORGANIZATION_CLAIM}), and a Connected App (an AI agent, public like the clients MCP
 * registers) with an access token that the demo's editor granted it. An MCP client may also get its own token from the
 * emulator as the agent: the emulator's authorization page approves as the demo editor, and the agent's redirect URLs
 * are the loopback {@value #LOOPBACK_REDIRECT} and its {@code localhost} twin (any port, RFC 8252). Immutable;
 * {@link #toString()} leaves out the secret and the token.
 *
 * @param reader      the M2M client, scope {@value #READ_SCOPE}
 * @param agent       the Connected App
 * @param agentToken  an access token of the agent for the demo editor (Bob, or Ada in the consumer vertical), scopes
 *                    {@value #READ_SCOPE} and {@value #WRITE_SCOPE}, living the client's token lifetime (one hour)
 */
public record DemoMachineCallers(EmulatedM2mClient reader, EmulatedConnectedApp agent, String agentToken) {

    /** The demo policy's scope that grants {@code documents:read} (and the M2M scope of that permission). */
    public static final String READ_SCOPE = "read:documents";

    /** The demo policy's scope that grants {@code documents:write}. */
    public static final String WRITE_SCOPE = "write:documents";

    /** The agent's redirect URL for native clients, any port. */
    public static final String LOOPBACK_REDIRECT = "http://127.0.0.1/callback";

    /** The Connected App's name. */
    public static final String AGENT_NAME = "Example agent";

    /** Requires every part. */
    public DemoMachineCallers {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(agentToken, "agentToken");
    }

    /**
     * Seeds the M2M client and the Connected App, and issues the agent's token.
     *
     * @param emulator the emulator, seeded with {@code demo}
     * @param demo     the demo data
     * @param vertical the app's vertical: whose token the agent gets
     * @return what was seeded
     */
    public static DemoMachineCallers seed(StytchEmulator emulator, DemoData demo, Vertical vertical) {
        EmulatedM2mClient reader = emulator.createM2mClient(c -> c.scopes(READ_SCOPE)
                .customClaim(Workspace.M2M_ORGANIZATION_CLAIM, demo.acme().organizationId()));
        EmulatedConnectedApp agent = emulator.connectedApps().create(c -> c.name(AGENT_NAME).type(ClientType.THIRD_PARTY_PUBLIC)
                .redirectUrls(LOOPBACK_REDIRECT, "http://localhost/callback"));
        String token = switch (vertical) {
            case B2B -> {
                emulator.connectedApps().consentAs(demo.bob());
                yield emulator.connectedApps().accessToken(demo.bob(), agent, READ_SCOPE, WRITE_SCOPE);
            }
            case CONSUMER -> {
                emulator.connectedApps().consentAs(demo.ada());
                yield emulator.connectedApps().accessToken(demo.ada(), agent, READ_SCOPE, WRITE_SCOPE);
            }
        };
        return new DemoMachineCallers(reader, agent, token);
    }

    @Override
    public String toString() {
        return "DemoMachineCallers[reader=" + reader + ", agent=" + agent + "]";
    }
}
