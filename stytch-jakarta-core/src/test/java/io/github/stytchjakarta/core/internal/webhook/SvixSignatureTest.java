package io.github.stytchjakarta.core.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.internal.webhook.SvixSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link SvixSignature} against the test vector of Svix's own libraries (svix/svix-webhooks, e.g. the Ruby
 * library's spec: key {@code MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}, message {@code msg_p5jXN8AQM9LWM0D4loKWxJek} at
 * {@code 1614265330}, body <code>{"test": 2432232314}</code>).
 */
class SvixSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final long SENT_MILLIS = 1_614_265_330_000L;

    private final SvixSignature signature = new SvixSignature(SECRET, Duration.ofMinutes(5));

    @Test
    void verifyWhenSvixTestVectorThenValid() {
        assertThat(signature.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT_MILLIS)).isEqualTo(Verdict.VALID);
    }

    @Test
    void verifyWhenOneOfSeveralSignaturesMatchesThenValid() {
        String header = "v1a,c29tZXRoaW5nIGVsc2U= v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + SIGNATURE;

        assertThat(signature.verify(ID, TIMESTAMP, header, BODY, SENT_MILLIS)).isEqualTo(Verdict.VALID);
    }

    @Test
    void verifyWhenBodyIdOrTimestampChangedThenBadSignature() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.verify(ID, TIMESTAMP, SIGNATURE, changed, SENT_MILLIS)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(signature.verify(ID + "x", TIMESTAMP, SIGNATURE, BODY, SENT_MILLIS)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(signature.verify(ID, "1614265331", SIGNATURE, BODY, SENT_MILLIS)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(signature.verify(ID, TIMESTAMP, "v1,not base64!", BODY, SENT_MILLIS)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(signature.verify(ID, TIMESTAMP, "v2," + SIGNATURE.substring(3), BODY, SENT_MILLIS))
                .isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenOtherKeyThenBadSignature() {
        SvixSignature other = new SvixSignature("whsec_AfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", Duration.ofMinutes(5));

        assertThat(other.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT_MILLIS)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenTimestampBeyondToleranceEitherWayThenStale() {
        long tolerance = Duration.ofMinutes(5).toMillis();

        assertThat(signature.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT_MILLIS + tolerance)).isEqualTo(Verdict.VALID);
        assertThat(signature.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT_MILLIS + tolerance + 1)).isEqualTo(Verdict.STALE);
        assertThat(signature.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT_MILLIS - tolerance - 1)).isEqualTo(Verdict.STALE);
    }

    @Test
    void verifyWhenHeadersMissingOrImpossibleThenMalformed() {
        assertThat(signature.verify(null, TIMESTAMP, SIGNATURE, BODY, SENT_MILLIS)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify(ID, null, SIGNATURE, BODY, SENT_MILLIS)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify(ID, TIMESTAMP, null, BODY, SENT_MILLIS)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify("msg.1", TIMESTAMP, SIGNATURE, BODY, SENT_MILLIS)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify(ID, "-1", SIGNATURE, BODY, SENT_MILLIS)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify(ID, "99999999999999999999", SIGNATURE, BODY, SENT_MILLIS)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify(ID, TIMESTAMP, (SIGNATURE + " ").repeat(17), BODY, SENT_MILLIS))
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void isValidSecretWhenPrefixAndLongBase64KeyThenTrue() {
        assertThat(SvixSignature.isValidSecret(SECRET)).isTrue();
        assertThat(SvixSignature.isValidSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
        assertThat(SvixSignature.isValidSecret("whsec_c2hvcnQ=")).isFalse();
        assertThat(SvixSignature.isValidSecret("whsec_not base64 at all!!")).isFalse();
        assertThat(SvixSignature.isValidSecret(null)).isFalse();
    }
}
