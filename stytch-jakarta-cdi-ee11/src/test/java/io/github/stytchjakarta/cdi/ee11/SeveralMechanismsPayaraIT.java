package io.github.stytchjakarta.cdi.ee11;

import static io.github.stytchjakarta.testsupport.TestHttp.bearer;
import static io.github.stytchjakarta.testsupport.TestHttp.cookie;
import static io.github.stytchjakarta.testsupport.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.cdi.ee11.app.CallerServlet;
import io.github.stytchjakarta.cdi.ee11.app.OperationsReport;
import io.github.stytchjakarta.cdi.ee11.app.SecurityConfiguration;
import io.github.stytchjakarta.cdi.ee11.app.StytchOrBasic;
import io.github.stytchjakarta.cdi.ee11.app.ViaStytch;
import io.github.stytchjakarta.cdi.it.ItDeployments;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.testkit.DemoData;
import io.github.stytchjakarta.testkit.HostileTokens;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Stytch mechanism beside another one on Jakarta EE 11 (Payara Micro 7, Jakarta Security 4): the definition
 * qualified, Basic authentication for operators, and the application's {@code HttpAuthenticationMechanismHandler}
 * choosing by the request's credential, as the README shows. Stytch's paths stay Stytch's: a Basic caller is
 * refused there, and a bad Stytch credential never falls through to the other mechanism.
 */
@ExtendWith(ArquillianExtension.class)
class SeveralMechanismsPayaraIT {

    private static StytchEmulator emulator;
    private static DemoData demo;

    @ArquillianResource
    private URL deployment;

    private TestHttp http;

    @Deployment(testable = false)
    static WebArchive deployment() {
        emulator = StytchEmulator.builder().build().start();
        demo = DemoData.seed(emulator);
        Map<String, String> config = ItDeployments.emulatorConfig(emulator);
        config.put("stytch.web.public-paths", "/ops/**");
        return ItDeployments.war("several-mechanisms.war", config, SecurityConfiguration.class, ViaStytch.class,
                StytchOrBasic.class, CallerServlet.class, OperationsReport.class, OperationsReport.Report.class)
                .setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>operations</web-resource-name><url-pattern>/ops/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>operator</role-name></auth-constraint>
                  </security-constraint>
                </web-app>
                """));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void connect() {
        http = TestHttp.toLoopback(deployment).withHeader("Accept", "application/json");
    }

    @Test
    void bearerWhenStytchJwtThenStytchMechanismAuthenticates() {
        HttpResponse<String> response = http.get("/api/caller", bearer(jwt("bob@acme.test")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asText()).isEqualTo(demo.bob().memberId());
        assertThat(json(response).path("type").asText()).isEqualTo(StytchMember.class.getName());
        assertThat(json(response).path("editor").asBoolean()).isTrue();
    }

    @Test
    void cookieWhenStytchSessionThenStytchMechanismAuthenticates() {
        String token = demo.sessions().get("carol@acme.test").sessionToken();

        HttpResponse<String> response = http.get("/api/caller", cookie("stytch_session", token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asText()).isEqualTo(demo.carol().memberId());
    }

    @Test
    void basicWhenOperatorCredentialsThenBasicMechanismAuthenticates() {
        HttpResponse<String> response = http.get("/ops/caller", operator(SecurityConfiguration.OPERATOR_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asText()).isEqualTo(SecurityConfiguration.OPERATOR);
        assertThat(json(response).path("operator").asBoolean()).isTrue();
    }

    @Test
    void rolesAllowedWhenCallerAuthenticatedByBasicThenContainerRolesDecide() {
        HttpResponse<String> response = http.get("/ops/report", operator(SecurityConfiguration.OPERATOR_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("all systems nominal");
    }

    @Test
    void noCredentialWhenOperatorsPageThenBasicChallenge() {
        HttpResponse<String> response = http.get("/ops/caller");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"operations\"");
    }

    @Test
    void basicWhenWrongPasswordThenRefused() {
        assertThat(http.get("/ops/caller", operator("wrong-password")).statusCode()).isEqualTo(401);
    }

    @Test
    void noCredentialWhenStytchPathThenBearerChallenge() {
        HttpResponse<String> response = http.get("/api/caller");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stytch\"");
        assertThat(json(response).path("code").asText()).isEqualTo("stytch.missing_token");
    }

    @Test
    void basicWhenStytchPathThenRefusedAsWithoutSession() {
        HttpResponse<String> response = http.get("/api/caller", operator(SecurityConfiguration.OPERATOR_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stytch\"");
    }

    @Test
    void bearerWhenOperatorsPageWithoutTheRoleThenForbidden() {
        assertThat(http.get("/ops/caller", bearer(jwt("alice@acme.test"))).statusCode()).isEqualTo(403);
    }

    @Test
    void badStytchCredentialWhenOperatorsPageThenStytchRefusesNotBasic() {
        HttpResponse<String> response = http.get("/ops/caller",
                bearer(HostileTokens.tamperedSignature(jwt("bob@acme.test"))));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer realm=\"stytch\"").contains("error=\"invalid_token\""));
    }

    private static String jwt(String email) {
        return demo.sessions().get(email).sessionJwt();
    }

    private static String[] operator(String password) {
        return new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (SecurityConfiguration.OPERATOR + ":" + password).getBytes(StandardCharsets.UTF_8))};
    }
}
