/** stytch-jakarta testkit: a local Stytch API over real HTTP, token minting, a JUnit 5 extension. */
module io.github.stytchjakarta.testkit {
    requires transitive com.nimbusds.jose.jwt;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    requires static org.junit.jupiter.api;

    exports io.github.stytchjakarta.testkit;
    // the emulator's JSON views are written by Jackson
    opens io.github.stytchjakarta.testkit.internal to com.fasterxml.jackson.databind;
}
