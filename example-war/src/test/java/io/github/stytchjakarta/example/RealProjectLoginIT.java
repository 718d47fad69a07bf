package io.github.stytchjakarta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.example.support.ExampleApp;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /login} in real-project mode (a project id, no emulator): the page mounts Stytch's frontend SDK with the
 * configured public token, under a policy that allows exactly the SDK's origins. CI cannot reach Stytch, so this
 * checks what the browser is given; no request here needs Stytch (an anonymous page, no start-up check).
 */
class RealProjectLoginIT {

    private static final String PROJECT_ID = "project-test-11111111-2222-3333-4444-555555555555";
    private static final String SECRET = "secret-test-not-for-pages-0123456789abcdef";
    private static final String PUBLIC_TOKEN = "public-token-test-66666666-7777-8888-9999-000000000000";

    @RegisterExtension
    static final ExampleApp APP = new ExampleApp(Vertical.B2B, Map.of(
            "stytch.project-id", PROJECT_ID, "stytch.secret", SECRET, "STYTCH_PUBLIC_TOKEN", PUBLIC_TOKEN));

    private final TestHttp browser = TestHttp.browser();

    @Test
    void loginWhenRealProjectThenPageMountsPinnedSdkWithPublicTokenAndNothingSecret() {
        HttpResponse<String> response = browser.send(TestHttp.request(APP.uri("login?return_to=%2Fsessions")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("data-public-token=\"" + PUBLIC_TOKEN + "\"", "data-vertical=\"b2b\"",
                        "data-return-to=\"/sessions\"", "data-redirect-url=\"" + APP.uri("login") + "\"")
                .contains("<script src=\"https://cdn.jsdelivr.net/npm/@stytch/vanilla-js@6.3.0/dist/iife/b2b/index.js\" "
                        + "integrity=\"sha384-")
                .doesNotContain(SECRET, "name=\"person\"", "data-custom-base-url");
    }

    @Test
    void loginWhenRealProjectThenPolicyAllowsExactlyTheSdkAndItsInlineScript() throws Exception {
        HttpResponse<String> response = browser.send(TestHttp.request(APP.uri("login")).GET());

        Map<String, List<String>> policy = directives(response.headers().firstValue("Content-Security-Policy").orElseThrow());
        Matcher inline = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(response.body());
        assertThat(inline.find()).isTrue();
        String hash = "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(inline.group(1).getBytes(StandardCharsets.UTF_8))) + "'";
        assertThat(policy.get("default-src")).containsExactly("'none'");
        assertThat(policy.get("script-src")).containsExactlyInAnyOrder(
                "https://cdn.jsdelivr.net/npm/@stytch/vanilla-js@6.3.0/dist/iife/", hash, "https://elements.stytch.com");
        assertThat(policy.get("connect-src")).containsExactlyInAnyOrder("https://test.stytch.com", "https://telemetry.stytch.com");
        assertThat(policy.get("frame-src")).containsExactly("https://js.stytch.com");
        assertThat(policy.get("style-src")).containsExactly("'unsafe-inline'");
        assertThat(policy.get("frame-ancestors")).containsExactly("'none'");
        assertThat(policy.get("form-action")).containsExactly("'self'");
    }

    @Test
    void loginWhenReturnToIsAnotherSiteThenDefaultTarget() {
        HttpResponse<String> response = browser.send(TestHttp.request(APP.uri("login?return_to=%2F%2Fevil.test%2Fx")).GET());

        assertThat(response.body()).contains("data-return-to=\"/documents\"").doesNotContain("evil.test");
    }

    @Test
    void homeWhenRealProjectThenAppPagesKeepTheirScriptlessPolicy() {
        HttpResponse<String> response = browser.send(TestHttp.request(APP.uri("")).GET());

        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'self'; frame-ancestors 'none'");
    }

    private static Map<String, List<String>> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::strip).map(d -> d.split(" "))
                .collect(Collectors.toMap(parts -> parts[0], parts -> List.of(parts).subList(1, parts.length),
                        (a, b) -> a, LinkedHashMap::new));
    }
}
