package io.github.stytchjakarta.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.filter.internal.StytchFilterInitializer;
import io.github.stytchjakarta.filter.support.JettyServer;
import io.github.stytchjakarta.filter.support.Requests;
import io.github.stytchjakarta.testkit.StytchEmulator;
import io.github.stytchjakarta.testkit.StytchEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MicroProfile Config's precedence in the plain servlet mode, with a real environment: Failsafe runs this
 * class in a JVM whose environment sets {@code STYTCH_WEB_REALM=from-environment}, a misspelt
 * {@code STYTCH_PROJECTID} and a frontend's {@code STYTCH_PUBLIC_TOKEN} (see the module's pom).
 */
class EnvironmentPrecedenceIT {

    @RegisterExtension
    static final StytchEmulatorExtension STYTCH = new StytchEmulatorExtension();

    private static final List<LogRecord> WARNINGS = new ArrayList<>();
    private static final Handler HANDLER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().equals(Level.WARNING)) {
                synchronized (WARNINGS) {
                    WARNINGS.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void captureWarnings() {
        Logger.getLogger("").addHandler(HANDLER);
    }

    @AfterAll
    static void releaseWarnings() {
        Logger.getLogger("").removeHandler(HANDLER);
    }

    @Test
    void onStartupWhenEnvironmentAndContextParamDisagreeThenEnvironmentWins() throws Exception {
        try (JettyServer server = start()) {
            assertThat(server.send(Requests.get("/app/api/me")).get("WWW-Authenticate"))
                    .isEqualTo("Bearer realm=\"from-environment\"");
        }
    }

    @Test
    void onStartupWhenSystemPropertyAndEnvironmentDisagreeThenSystemPropertyWins() throws Exception {
        System.setProperty("stytch.web.realm", "from-system-property");
        try (JettyServer server = start()) {
            assertThat(server.send(Requests.get("/app/api/me")).get("WWW-Authenticate"))
                    .isEqualTo("Bearer realm=\"from-system-property\"");
        } finally {
            System.clearProperty("stytch.web.realm");
        }
    }

    @Test
    void onStartupWhenStytchVariableMapsToNoKeyThenOneWarningWithTheVariableMeant() throws Exception {
        synchronized (WARNINGS) {
            WARNINGS.clear();
        }
        start().close();

        List<String> messages;
        synchronized (WARNINGS) {
            messages = WARNINGS.stream().map(LogRecord::getMessage).toList();
        }
        assertThat(messages).filteredOn(message -> message.contains("STYTCH_")).containsExactly(
                "environment variable STYTCH_PROJECTID maps to no stytch-jakarta key and is ignored "
                        + "(did you mean STYTCH_PROJECT_ID?)");
        assertThat(String.join("\n", messages)).doesNotContain("misspelt-variable-value", "public-token-of-a-frontend");
    }

    private static JettyServer start() throws Exception {
        StytchEmulator emulator = STYTCH.emulator();
        return JettyServer.servletContext(context -> {
            context.setInitParameter("stytch.project-id", emulator.projectId());
            context.setInitParameter("stytch.secret", emulator.secret());
            context.setInitParameter("stytch.base-url", emulator.baseUrl().toString());
            context.setInitParameter("stytch.web.realm", "from-web-xml");
            context.addServletContainerInitializer(new ServletContainerInitializerHolder(StytchFilterInitializer.class));
        });
    }
}
