package dev.accountconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.GatewaySigning;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.Secret;
import dev.accountconsole.api.SignatureMethod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every signature negative of gateway-protocol.md, section 3, on the wire. */
class SignatureVerificationTest {
    @TempDir
    static Path dir;
    static TestSandbox sandbox;
    static final ApiOperation OP = ApiOperation.QUERY_BY_PHONE;

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestSandbox.start(dir);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static byte[] body() {
        return TestSandbox.envelope(OP, null, Json.MAPPER.createObjectNode().put("phone", "13800138000"));
    }

    private static void assertRejected(TestSandbox.Answer a, int status, String message) throws Exception {
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.header("X-Ca-Error-Message")).startsWith(message);
        assertThat(a.header("X-Ca-Request-Id")).isNotBlank();
        assertThat(a.json().get("id").asText()).isEqualTo(a.header("X-Ca-Request-Id"));
        assertThat(a.bodyText()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aCorrectlySignedRequestPasses() throws Exception {
        TestSandbox.Answer a = sandbox.post(OP.path(), OP.path(), body(), h -> { });
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("code").asInt()).isEqualTo(2405);
    }

    @Test
    void wrongSecret() throws Exception {
        TestSandbox.Answer a = sandbox.post(OP.path(), OP.path(), body(), Instant.now(), UUID.randomUUID().toString(),
                TestSandbox.APP_KEY, "not-the-secret", h -> { });
        assertRejected(a, 400, "Invalid Signature, Server StringToSign:POST#application/json; charset=utf-8#");
        assertThat(a.header("X-Ca-Error-Message")).endsWith("#" + OP.path()).doesNotContain(TestSandbox.APP_SECRET);
    }

    @Test
    void tamperedBodyWithTheOriginalMd5() throws Exception {
        byte[] signed = body();
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("13800138000", "13800138001")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(new dev.accountconsole.api.RequestSigner(TestSandbox.APP_KEY,
                Secret.of(TestSandbox.APP_SECRET), SignatureMethod.HMAC_SHA256).sign(OP.path(), signed, Instant.now(),
                UUID.randomUUID().toString()));
        assertRejected(sandbox.send("POST", OP.path(), tampered, headers), 400, "Invalid Content-MD5");
    }

    @Test
    void tamperedBodyWithARecomputedMd5() throws Exception {
        byte[] tampered = new String(body(), StandardCharsets.UTF_8).replace("13800138000", "13800138001")
                .getBytes(StandardCharsets.UTF_8);
        TestSandbox.Answer a = sandbox.post(OP.path(), OP.path(), body(),
                h -> h.put("Content-MD5", GatewaySigning.contentMd5(tampered)));
        assertRejected(a, 400, "Invalid Signature");
    }

    @Test
    void tamperedPath() throws Exception {
        byte[] freeze = TestSandbox.envelope(ApiOperation.FREEZE, null,
                Json.MAPPER.createObjectNode().put("identityId", "505fop357f0d8299b92664fc91012ae88ed25269"));
        TestSandbox.Answer a = sandbox.post(ApiOperation.UNREGISTER.path(), ApiOperation.FREEZE.path(), freeze, h -> { });
        assertRejected(a, 400, "Invalid Signature");
    }

    @Test
    void replayedNonce() throws Exception {
        byte[] body = body();
        Instant now = Instant.now();
        String nonce = UUID.randomUUID().toString();
        TestSandbox.Answer first = sandbox.post(OP.path(), OP.path(), body, now, nonce, TestSandbox.APP_KEY,
                TestSandbox.APP_SECRET, h -> { });
        assertThat(first.status()).isEqualTo(200);
        TestSandbox.Answer replay = sandbox.post(OP.path(), OP.path(), body, now, nonce, TestSandbox.APP_KEY,
                TestSandbox.APP_SECRET, h -> { });
        assertRejected(replay, 400, "Nonce Used");
    }

    @Test
    void aForgedRequestDoesNotBurnTheNonce() throws Exception {
        String nonce = UUID.randomUUID().toString();
        Instant now = Instant.now();
        assertThat(sandbox.post(OP.path(), OP.path(), body(), now, nonce, TestSandbox.APP_KEY, "forged", h -> { })
                .status()).isEqualTo(400);
        assertThat(sandbox.post(OP.path(), OP.path(), body(), now, nonce, TestSandbox.APP_KEY, TestSandbox.APP_SECRET,
                h -> { }).status()).isEqualTo(200);
    }

    @Test
    void staleAndFutureTimestamps() throws Exception {
        Duration sixteen = Duration.ofMinutes(16);
        assertRejected(sandbox.post(OP.path(), OP.path(), body(), Instant.now().minus(sixteen),
                UUID.randomUUID().toString(), TestSandbox.APP_KEY, TestSandbox.APP_SECRET, h -> { }), 400, "Timestamp Expired");
        assertRejected(sandbox.post(OP.path(), OP.path(), body(), Instant.now().plus(sixteen),
                UUID.randomUUID().toString(), TestSandbox.APP_KEY, TestSandbox.APP_SECRET, h -> { }), 400, "Timestamp Expired");
        // Fourteen minutes either way is still inside the window.
        assertThat(sandbox.post(OP.path(), OP.path(), body(), Instant.now().minus(Duration.ofMinutes(14)),
                UUID.randomUUID().toString(), TestSandbox.APP_KEY, TestSandbox.APP_SECRET, h -> { }).status()).isEqualTo(200);
        assertRejected(sandbox.post(OP.path(), OP.path(), body(), h -> h.put("x-ca-timestamp", "yesterday")),
                400, "Invalid Timestamp");
        assertRejected(sandbox.post(OP.path(), OP.path(), body(), h -> h.remove("x-ca-timestamp")),
                400, "Invalid Timestamp");
    }

    @Test
    void gatewayErrorsAreLocalizedWhenTheEnvelopeAsks() throws Exception {
        byte[] zh = TestSandbox.envelope(OP, "zh-CN", Json.MAPPER.createObjectNode().put("phone", "13800138000"));
        TestSandbox.Answer a = sandbox.post(OP.path(), OP.path(), zh, h -> h.remove("x-ca-signature"));
        assertThat(a.json().get("localizedMsg").asText()).isEqualTo("签名为空:缺少 x-ca-signature");
        byte[] en = TestSandbox.envelope(OP, "en-US", Json.MAPPER.createObjectNode().put("phone", "13800138000"));
        assertThat(sandbox.post(OP.path(), OP.path(), en, h -> h.put("x-ca-timestamp", "x")).json()
                .get("localizedMsg").asText()).isEqualTo("x-ca-timestamp is not a number of milliseconds.");
        assertThat(sandbox.post(OP.path(), OP.path(), body(), h -> h.remove("x-ca-signature")).json()
                .get("localizedMsg").isNull()).isTrue();
    }

    @Test
    void missingSignature() throws Exception {
        assertRejected(sandbox.post(OP.path(), OP.path(), body(), h -> h.remove("x-ca-signature")), 401, "Empty Signature");
    }

    @Test
    void unknownOrMissingAppKey() throws Exception {
        assertRejected(sandbox.post(OP.path(), OP.path(), body(), Instant.now(), UUID.randomUUID().toString(),
                "11111111", TestSandbox.APP_SECRET, h -> { }), 400, "Invalid AppKey");
        assertRejected(sandbox.post(OP.path(), OP.path(), body(), h -> h.remove("x-ca-key")), 400, "Invalid AppKey");
    }

    @Test
    void aSignedHeaderListWithoutTheNonceIsRefused() throws Exception {
        // Signed correctly over key and timestamp only: still refused, the nonce must be signed.
        byte[] body = body();
        String date = "Mon, 23 Nov 2026 10:00:00 GMT";
        Map<String, String> signed = new TreeMap<>(Map.of("x-ca-key", TestSandbox.APP_KEY,
                "x-ca-timestamp", Long.toString(System.currentTimeMillis())));
        String sts = GatewaySigning.stringToSign("POST", "application/json", GatewaySigning.contentMd5(body),
                "application/json", date, signed, OP.path());
        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.put("x-ca-nonce", UUID.randomUUID().toString());
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        headers.put("Content-MD5", GatewaySigning.contentMd5(body));
        headers.put("Date", date);
        headers.put("x-ca-signature-headers", "x-ca-key,x-ca-timestamp");
        headers.put("x-ca-signature", GatewaySigning.sign(SignatureMethod.HMAC_SHA256, TestSandbox.APP_SECRET, sts));
        assertRejected(sandbox.send("POST", OP.path(), body, headers), 400, "Invalid Signature");
    }

    @Test
    void anotherClientsHeaderSetOrderAndCaseAndHmacSha1AreAccepted() throws Exception {
        // Like the vendor SDK: hash-map order, an extra signed header, upper case in the list, HmacSHA1.
        byte[] body = body();
        String nonce = UUID.randomUUID().toString();
        String ts = Long.toString(System.currentTimeMillis());
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("x-ca-nonce", nonce);
        signed.put("x-ca-timestamp", ts);
        signed.put("x-ca-key", TestSandbox.APP_KEY);
        signed.put("x-ca-signature-method", "HmacSHA1");
        signed.put("x-ca-stage", "RELEASE");
        String md5 = GatewaySigning.contentMd5(body);
        String sts = GatewaySigning.stringToSign("POST", "application/json; charset=utf-8", md5,
                "application/octet-stream; charset=utf-8", null, signed, OP.path());
        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.put("Accept", "application/json; charset=utf-8");
        headers.put("Content-Type", "application/octet-stream; charset=utf-8");
        headers.put("Content-MD5", md5);
        headers.put("X-Ca-Signature-Headers", "X-Ca-Nonce,x-ca-timestamp,x-ca-key,x-ca-signature-method,x-ca-stage");
        headers.put("X-Ca-Signature", GatewaySigning.sign(SignatureMethod.HMAC_SHA1, TestSandbox.APP_SECRET, sts));
        TestSandbox.Answer a = sandbox.send("POST", OP.path(), body, headers);
        assertThat(a.status()).as(a.header("X-Ca-Error-Message")).isEqualTo(200);
    }

    @Test
    void secondKeyPairIsAcceptedAndItsRateLimitApplies(@TempDir Path other) throws Exception {
        try (TestSandbox limited = TestSandbox.start(SandboxConfig.builder(other)
                .key(TestSandbox.APP_KEY, TestSandbox.APP_SECRET)
                .key(new AppCredentials("87654321", Secret.of("second-secret"), 2))
                .iotToken(Secret.of(TestSandbox.IOT_TOKEN)))) {
            ObjectNode p = Json.MAPPER.createObjectNode().put("phone", "13800138000");
            byte[] b = TestSandbox.envelope(OP, null, p);
            int limitedCount = 0;
            for (int i = 0; i < 6; i++) {
                TestSandbox.Answer a = limited.post(OP.path(), OP.path(), b, Instant.now(), UUID.randomUUID().toString(),
                        "87654321", "second-secret", h -> { });
                if (a.status() == 403) {
                    assertRejected(a, 403, "Request Limited");
                    limitedCount++;
                } else {
                    assertThat(a.status()).isEqualTo(200);
                }
            }
            assertThat(limitedCount).isPositive();
            for (int i = 0; i < 20; i++) {
                assertThat(limited.post(OP, p).status()).as("the first key has no limit").isEqualTo(200);
            }
        }
    }
}
