package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.filter.support.EchoServlet;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.filter.support.StytchApp;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.MutableClock;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path parameters ({@code ;x}) in the request URI are refused with 400: containers and routers disagree on
 * them (Payara cuts the servlet path at the first {@code ;}, JAX-RS routes the rest as matrix parameters), so a
 * rule matched on the container's path could let through a request the application routes elsewhere.
 */
class PathParametersTest {

    private static final MutableClock CLOCK = MutableClock.atSystemTime();

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension(builder -> builder.clock(CLOCK));

    private static StytchApp app;
    private static DemoData demo;

    @BeforeAll
    static void startApp() throws Exception {
        demo = DemoData.seed(STYTCH.emulator());
        StytchWebConfig web = StytchWebConfig.builder()
                .publicPaths(List.of("/"))
                .permission(PathPermission.parse("DELETE /api/documents/* documents:delete"))
                .build();
        app = StytchApp.start(StytchApp.coreConfig(STYTCH.emulator(), Vertical.B2B).build(), web, CLOCK);
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/api/documents;x/1", "/app/api/documents;/1", "/app/api/documents;a=b;c=d/1",
            "/app/api/documents;.css/1", "/app/api/documents/1;x"})
    void doFilterWhenPathParameterInUriThen400BeforeAnyRule(String target) throws Exception {
        HttpTester.Response response = app.send(Requests.method("DELETE", target).bearer(jwt("carol@acme.test")));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.invalid_request.path");
    }

    @Test
    void doFilterWhenPathParameterBehindPublicRootThen400NotPublic() throws Exception {
        HttpTester.Response response = app.send(Requests.get("/app/x;/me"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.invalid_request.path");
    }

    @Test
    void doFilterWhenEncodedSemicolonThenAnOrdinaryCharacterOfTheSegment() throws Exception {
        HttpTester.Response response = app.send(Requests.method("DELETE", "/app/api/documents/a%3Bb")
                .bearer(jwt("carol@acme.test")));

        assertThat(response.getStatus()).as("the rule applies: a viewer may not delete").isEqualTo(403);
        assertThat(EchoServlet.parse(response.getContent())).containsEntry("code", "stytch.forbidden.permission_denied");
    }

    private static String jwt(String email) {
        return demo.sessions().get(email).sessionJwt();
    }
}
