package dev.accountconsole.api;

import java.util.Locale;

/** The HMAC algorithms the gateway accepts in {@code x-ca-signature-method}. */
public enum SignatureMethod {
    HMAC_SHA256("HmacSHA256"),
    HMAC_SHA1("HmacSHA1");

    private final String headerValue;

    SignatureMethod(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value sent in {@code x-ca-signature-method}, which is also the JCA algorithm name. */
    public String headerValue() {
        return headerValue;
    }

    /** Parses a header value; an absent header means the gateway's default, HmacSHA256. */
    public static SignatureMethod fromHeader(String value) {
        if (value == null || value.isEmpty()) {
            return HMAC_SHA256;
        }
        for (SignatureMethod m : values()) {
            if (m.headerValue.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unsupported signature method");
    }
}
