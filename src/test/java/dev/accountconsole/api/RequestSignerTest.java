package dev.accountconsole.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.cloudapi.sdk.enums.HttpMethod;
import com.alibaba.cloudapi.sdk.enums.Scheme;
import com.alibaba.cloudapi.sdk.model.ApiRequest;
import com.alibaba.cloudapi.sdk.util.ApiRequestMaker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The signature must be byte for byte what the vendor's own SDK computes, or the production gateway
 * refuses it. Two proofs: fixed vectors anyone can recompute (e.g. with openssl), and the vendor SDK
 * itself as an oracle on the same request.
 */
class RequestSignerTest {
    private static final String APP_KEY = "24681357";
    private static final String SECRET = "s3cr3t-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-02T14:57:02.123Z");
    private static final String NONCE = "5f3c5a4e-6b8f-4d6e-9d1c-2a7b9e0c1d2f";
    private static final String PATH = "/user/account/freeze";
    private static final byte[] BODY = ("{\"id\":\"42\",\"version\":\"1.0\",\"request\":{\"apiVer\":\"1.0.1\"},"
            + "\"params\":{\"identityId\":\"505fop357f0d8299b92664fc91012ae88ed25269\"}}").getBytes(StandardCharsets.UTF_8);

    @Test
    void stringToSignFollowsTheDocumentedLayout() {
        RequestSigner.Signed s = new RequestSigner(APP_KEY, Secret.of(SECRET), SignatureMethod.HMAC_SHA256)
                .signWithStringToSign(PATH, BODY, NOW, NONCE);

        assertThat(s.stringToSign()).isEqualTo("POST\n"
                + "application/json; charset=utf-8\n"
                + GatewaySigning.contentMd5(BODY) + "\n"
                + "application/octet-stream; charset=utf-8\n"
                + "Mon, 02 Nov 2026 14:57:02 GMT\n"
                + "x-ca-key:24681357\n"
                + "x-ca-nonce:" + NONCE + "\n"
                + "x-ca-signature-method:HmacSHA256\n"
                + "x-ca-timestamp:1793631422123\n"
                + PATH);
        assertThat(s.headers()).containsEntry("Date", "Mon, 02 Nov 2026 14:57:02 GMT")
                .containsEntry("x-ca-timestamp", "1793631422123")
                .containsEntry("x-ca-signature-headers", "x-ca-key,x-ca-nonce,x-ca-signature-method,x-ca-timestamp");
    }

    /** Recompute: printf '%s' "$STRING_TO_SIGN" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64. */
    @Test
    void fixedVectors() {
        assertThat(GatewaySigning.contentMd5("{}".getBytes(StandardCharsets.UTF_8))).isEqualTo("mZFLkyvTelC5g8XnyQrpOw==");
        assertThat(GatewaySigning.sign(SignatureMethod.HMAC_SHA256, "key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=");
        assertThat(GatewaySigning.sign(SignatureMethod.HMAC_SHA1, "key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("3nybhbi3iqa8ino29wqQcBydtNk=");
        String full = new RequestSigner(APP_KEY, Secret.of(SECRET), SignatureMethod.HMAC_SHA256)
                .sign(PATH, BODY, NOW, NONCE).get("x-ca-signature");
        assertThat(full).isEqualTo(RecordedVector.FREEZE_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(SignatureMethod.class)
    void signatureEqualsTheVendorSdkForTheSameRequest(SignatureMethod method) {
        Map<String, String> ours = new RequestSigner(APP_KEY, Secret.of(SECRET), method).sign(PATH, BODY, NOW, NONCE);

        ApiRequest vendor = new ApiRequest(HttpMethod.POST_BODY, PATH, BODY);
        vendor.setHost("api.link.aliyun.com");
        vendor.setScheme(Scheme.HTTPS);
        vendor.setCurrentDate(Date.from(NOW));
        vendor.setSignatureMethod(method.headerValue());
        vendor.addHeader("x-ca-nonce", NONCE);
        ApiRequestMaker.make(vendor, APP_KEY, SECRET);

        assertThat(ours.get("x-ca-signature")).isEqualTo(vendor.getFirstHeaderValue("x-ca-signature"));
        assertThat(ours.get("Content-MD5")).isEqualTo(vendor.getFirstHeaderValue("content-md5"));
        assertThat(ours.get("Date")).isEqualTo(vendor.getFirstHeaderValue("date"));
        assertThat(ours.get("x-ca-timestamp")).isEqualTo(vendor.getFirstHeaderValue("x-ca-timestamp"));
        assertThat(ours.get("Content-Type")).isEqualTo(vendor.getFirstHeaderValue("content-type"));
        assertThat(ours.get("Accept")).isEqualTo(vendor.getFirstHeaderValue("accept"));
    }

    @Test
    void verifierBuildsTheSameStringFromTheVendorsUnsortedHeaderList() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("X-Ca-Timestamp", "1");
        headers.put("x-ca-nonce", "n");
        headers.put("x-ca-key", "k");
        String a = GatewaySigning.stringToSign("POST", null, null, null, null, headers, "/p");
        assertThat(a).isEqualTo("POST\n\n\n\n\nx-ca-key:k\nx-ca-nonce:n\nx-ca-timestamp:1\n/p");
    }

    @Test
    void secretsNeverShowInToString() {
        RequestSigner signer = new RequestSigner(APP_KEY, Secret.of(SECRET), SignatureMethod.HMAC_SHA256);
        assertThat(signer.toString()).doesNotContain(SECRET);
        assertThat(Secret.of(SECRET).toString()).isEqualTo("***");
    }

    /** Computed independently with openssl from the StringToSign above (see fixedVectors). */
    private static final class RecordedVector {
        static final String FREEZE_SIGNATURE = "wbCa6YBIUh9dqVE5BtzwqCSy23Q1KJbiaImV1coGmP4=";
    }
}
