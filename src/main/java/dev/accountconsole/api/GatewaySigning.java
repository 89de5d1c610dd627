package dev.accountconsole.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's signature scheme (gateway-protocol.md, section 3), shared by the client that signs
 * and the sandbox that verifies, so that both build the very same StringToSign.
 *
 * <p>{@code Mac} and {@code MessageDigest} instances are expensive to look up; they are kept per
 * thread.
 */
public final class GatewaySigning {

    public static final String HEADER_KEY = "x-ca-key";
    public static final String HEADER_TIMESTAMP = "x-ca-timestamp";
    public static final String HEADER_NONCE = "x-ca-nonce";
    public static final String HEADER_SIGNATURE_METHOD = "x-ca-signature-method";
    public static final String HEADER_SIGNATURE_HEADERS = "x-ca-signature-headers";
    public static final String HEADER_SIGNATURE = "x-ca-signature";
    public static final String HEADER_REQUEST_ID = "x-ca-request-id";
    public static final String HEADER_ERROR_MESSAGE = "x-ca-error-message";
    public static final String SIGNED_HEADER_PREFIX = "x-ca-";

    public static final String CONTENT_TYPE = "application/octet-stream; charset=utf-8";
    public static final String ACCEPT = "application/json; charset=utf-8";

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    });

    private GatewaySigning() {
    }

    /** Base64 of the MD5 of the body, as sent in {@code Content-MD5}. */
    public static String contentMd5(byte[] body) {
        MessageDigest md = MD5.get();
        md.reset();
        return Base64.getEncoder().encodeToString(md.digest(body));
    }

    /**
     * Builds the StringToSign.
     *
     * @param signedHeaders the headers that are signed, by name; names are lower-cased and sorted
     *     here, whatever order and case they come in
     * @param pathAndParameters the path; for the JSON APIs there are no form or query parameters
     */
    public static String stringToSign(String method, String accept, String contentMd5, String contentType,
                                      String date, Map<String, String> signedHeaders, String pathAndParameters) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append('\n');
        appendLine(sb, accept);
        appendLine(sb, contentMd5);
        appendLine(sb, contentType);
        appendLine(sb, date);
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : signedHeaders.entrySet()) {
            sorted.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue() == null ? "" : e.getValue());
        }
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            sb.append(e.getKey()).append(':').append(e.getValue()).append('\n');
        }
        sb.append(pathAndParameters);
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, String value) {
        if (value != null) {
            sb.append(value);
        }
        sb.append('\n');
    }

    /** Base64 of HMAC(secret as UTF-8, stringToSign as UTF-8). */
    public static String sign(SignatureMethod method, String secret, String stringToSign) {
        return new HmacKey(method, secret).sign(stringToSign);
    }

    /**
     * One secret, ready to sign with: the key spec is made once and each thread keeps its own
     * initialised {@link Mac}. The secret is never exposed by {@link #toString()}.
     */
    public static final class HmacKey {
        private final SignatureMethod method;
        private final ThreadLocal<Mac> mac;

        public HmacKey(SignatureMethod method, String secret) {
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("empty secret");
            }
            this.method = method;
            SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), method.headerValue());
            this.mac = ThreadLocal.withInitial(() -> {
                try {
                    Mac m = Mac.getInstance(method.headerValue());
                    m.init(key);
                    return m;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(method.headerValue() + " is missing from this JVM", e);
                }
            });
        }

        public SignatureMethod method() {
            return method;
        }

        public String sign(String stringToSign) {
            Mac m = mac.get();
            return Base64.getEncoder().encodeToString(m.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "HmacKey[" + method.headerValue() + ", secret=***]";
        }
    }
}
