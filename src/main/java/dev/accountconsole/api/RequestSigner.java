package dev.accountconsole.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Signs one POST of a JSON envelope: produces every header of gateway-protocol.md, section 3. Pure and
 * deterministic given the time and nonce, so that fixed test vectors can be recomputed by anyone.
 */
public final class RequestSigner {
    /** RFC 1123 with a two-digit day, as the vendor SDK writes it ({@code Sun, 02 Nov 2026 ...}). */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /**
     * The last Date header made, by whichever thread: it changes once a second, and formatting it
     * was about a quarter of the signing's CPU in a bulk run.
     */
    private static volatile HttpDate lastDate = new HttpDate(Long.MIN_VALUE, "");

    /** Signed headers, sorted; the same list goes into {@code x-ca-signature-headers}. */
    private static final String SIGNED_HEADER_LIST = String.join(",",
            GatewaySigning.HEADER_KEY, GatewaySigning.HEADER_NONCE,
            GatewaySigning.HEADER_SIGNATURE_METHOD, GatewaySigning.HEADER_TIMESTAMP);

    private final String appKey;
    private final GatewaySigning.HmacKey key;

    public RequestSigner(String appKey, Secret appSecret, SignatureMethod method) {
        this.appKey = appKey;
        this.key = new GatewaySigning.HmacKey(method, appSecret.reveal());
    }

    /** The headers to send, in a stable order, signature included. */
    public Map<String, String> sign(String path, byte[] body, Instant now, String nonce) {
        return signWithStringToSign(path, body, now, nonce).headers();
    }

    /** Headers and the StringToSign they were made from (for tests and debug logging, never above debug). */
    public Signed signWithStringToSign(String path, byte[] body, Instant now, String nonce) {
        String date = httpDate(now);
        String contentMd5 = body.length > 0 ? GatewaySigning.contentMd5(body) : null;
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put(GatewaySigning.HEADER_KEY, appKey);
        signed.put(GatewaySigning.HEADER_NONCE, nonce);
        signed.put(GatewaySigning.HEADER_SIGNATURE_METHOD, key.method().headerValue());
        signed.put(GatewaySigning.HEADER_TIMESTAMP, Long.toString(now.toEpochMilli()));
        String stringToSign = GatewaySigning.stringToSign("POST", GatewaySigning.ACCEPT, contentMd5,
                GatewaySigning.CONTENT_TYPE, date, signed, path);

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", GatewaySigning.ACCEPT);
        headers.put("Content-Type", GatewaySigning.CONTENT_TYPE);
        if (contentMd5 != null) {
            headers.put("Content-MD5", contentMd5);
        }
        headers.put("Date", date);
        headers.putAll(signed);
        headers.put(GatewaySigning.HEADER_SIGNATURE_HEADERS, SIGNED_HEADER_LIST);
        headers.put(GatewaySigning.HEADER_SIGNATURE, key.sign(stringToSign));
        return new Signed(headers, stringToSign);
    }

    public record Signed(Map<String, String> headers, String stringToSign) {
    }

    private static String httpDate(Instant now) {
        HttpDate last = lastDate;
        if (last.epochSecond() != now.getEpochSecond()) {
            last = new HttpDate(now.getEpochSecond(), HTTP_DATE.format(now));
            lastDate = last;
        }
        return last.text();
    }

    private record HttpDate(long epochSecond, String text) {
    }

    @Override
    public String toString() {
        return "RequestSigner[" + appKey + ", " + key + "]";
    }
}
