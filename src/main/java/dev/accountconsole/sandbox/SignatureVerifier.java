package dev.accountconsole.sandbox;

import dev.accountconsole.api.GatewaySigning;
import dev.accountconsole.api.SignatureMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Verifies the gateway signature (gateway-protocol.md, section 3) for any client that signs by the
 * scheme: the Headers block is built from the names the client lists in
 * {@code x-ca-signature-headers}, whatever their order and case, with the StringToSign built by the
 * same {@link GatewaySigning} the client uses. Checks run in this order: signature present, AppKey
 * known, timestamp readable and within 15 minutes, signature, Content-MD5, nonce; the nonce is
 * recorded only for a request that proved it holds the secret, so forged requests cannot burn nonces.
 */
final class SignatureVerifier {
    static final long WINDOW_MILLIS = 15 * 60 * 1000L;
    private static final List<String> REQUIRED_SIGNED = List.of(
            GatewaySigning.HEADER_KEY, GatewaySigning.HEADER_TIMESTAMP, GatewaySigning.HEADER_NONCE);

    /** A configured key, ready to verify with. */
    static final class Key {
        final AppCredentials credentials;
        final Map<SignatureMethod, GatewaySigning.HmacKey> hmacs = new HashMap<>();
        final RateLimiter limiter;

        Key(AppCredentials credentials) {
            this.credentials = credentials;
            for (SignatureMethod m : SignatureMethod.values()) {
                hmacs.put(m, new GatewaySigning.HmacKey(m, credentials.appSecret().reveal()));
            }
            this.limiter = credentials.requestsPerSecond() > 0
                    ? new RateLimiter(credentials.requestsPerSecond(), System.nanoTime()) : null;
        }
    }

    private final Map<String, Key> keys = new HashMap<>();
    private final NonceCache nonces = new NonceCache();
    private final Clock clock;

    SignatureVerifier(List<AppCredentials> credentials, Clock clock) {
        for (AppCredentials c : credentials) {
            keys.put(c.appKey(), new Key(c));
        }
        this.clock = clock;
    }

    /**
     * @param header a request header by name, case-insensitive; null when absent
     * @param rawQuery the request's raw query string, or null
     * @return the caller's key
     */
    Key verify(String method, String rawPath, String rawQuery, UnaryOperator<String> header, byte[] body)
            throws GatewayError.Rejection {
        String signature = header.apply(GatewaySigning.HEADER_SIGNATURE);
        if (signature == null || signature.isBlank()) {
            throw GatewayError.EMPTY_SIGNATURE.rejection();
        }
        String appKey = header.apply(GatewaySigning.HEADER_KEY);
        Key key = appKey == null ? null : keys.get(appKey);
        if (key == null) {
            throw GatewayError.INVALID_APP_KEY.rejection();
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(String.valueOf(header.apply(GatewaySigning.HEADER_TIMESTAMP)).trim());
        } catch (NumberFormatException e) {
            throw GatewayError.INVALID_TIMESTAMP.rejection();
        }
        long now = clock.millis();
        if (Math.abs(now - timestamp) > WINDOW_MILLIS) {
            throw GatewayError.TIMESTAMP_EXPIRED.rejection();
        }

        Map<String, String> signed = new LinkedHashMap<>();
        String list = header.apply(GatewaySigning.HEADER_SIGNATURE_HEADERS);
        if (list != null) {
            for (String name : list.split(",")) {
                String n = name.trim().toLowerCase(Locale.ROOT);
                if (!n.isEmpty()) {
                    String value = header.apply(n);
                    signed.put(n, value == null ? "" : value);
                }
            }
        }
        String stringToSign = GatewaySigning.stringToSign(method, header.apply("Accept"),
                header.apply("Content-MD5"), header.apply("Content-Type"), header.apply("Date"), signed,
                pathAndParameters(rawPath, rawQuery));
        GatewaySigning.HmacKey hmac;
        try {
            hmac = key.hmacs.get(SignatureMethod.fromHeader(header.apply(GatewaySigning.HEADER_SIGNATURE_METHOD)));
        } catch (IllegalArgumentException e) {
            throw invalidSignature(stringToSign);
        }
        if (!signed.keySet().containsAll(REQUIRED_SIGNED)
                || !MessageDigest.isEqual(hmac.sign(stringToSign).getBytes(StandardCharsets.US_ASCII),
                        signature.trim().getBytes(StandardCharsets.ISO_8859_1))) {
            throw invalidSignature(stringToSign);
        }

        String contentMd5 = header.apply("Content-MD5");
        if (body.length > 0 || contentMd5 != null) {
            if (contentMd5 == null || !contentMd5.trim().equals(GatewaySigning.contentMd5(body))) {
                throw GatewayError.INVALID_CONTENT_MD5.rejection();
            }
        }

        String nonce = signed.get(GatewaySigning.HEADER_NONCE);
        if (nonce.isBlank()) {
            throw invalidSignature(stringToSign);
        }
        // Remembered until a request with this timestamp would be refused as expired anyway.
        long expiresAt = Math.max(now, timestamp) + WINDOW_MILLIS;
        switch (nonces.record(appKey, nonce, expiresAt, now)) {
            case REPLAY -> throw GatewayError.NONCE_USED.rejection();
            case FULL -> throw GatewayError.SERVICE_UNAVAILABLE.rejection();
            default -> { }
        }
        return key;
    }

    private static GatewayError.Rejection invalidSignature(String stringToSign) {
        return new GatewayError.Rejection(GatewayError.INVALID_SIGNATURE,
                GatewayError.INVALID_SIGNATURE.message + ", Server StringToSign:" + stringToSign.replace('\n', '#'));
    }

    /**
     * The path, then {@code ?k=v&k2} for query parameters sorted by key (a key with an empty value
     * without {@code =}); the account APIs carry none, so this is normally just the path.
     */
    static String pathAndParameters(String rawPath, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawPath;
        }
        TreeMap<String, String> params = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.put(k, v);
        }
        StringBuilder sb = new StringBuilder(rawPath);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
            sep = '&';
        }
        return sb.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
