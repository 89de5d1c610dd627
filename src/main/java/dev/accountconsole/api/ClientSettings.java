package dev.accountconsole.api;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom the client calls.
 *
 * @param endpoint base URL, e.g. {@code https://api.link.aliyun.com} or {@code http://127.0.0.1:18080}
 * @param appKey the AppKey ({@code x-ca-key})
 * @param appSecret the AppSecret, only ever used to sign
 * @param iotToken user-auth token for the APIs that need it (modify); may be null
 * @param timeoutMillis the whole call's budget, retries included (3000 by default, as the API pages state)
 * @param language {@code zh-CN} or {@code en-US} for the envelope's {@code language}; may be null
 */
public record ClientSettings(URI endpoint, String appKey, Secret appSecret, Secret iotToken,
                             long timeoutMillis, String language, SignatureMethod signatureMethod) {

    public static final String PRODUCTION_ENDPOINT = "https://api.link.aliyun.com";
    public static final long DEFAULT_TIMEOUT_MILLIS = 3000;

    public ClientSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(signatureMethod, "signatureMethod");
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive");
        }
    }

    public ClientSettings(URI endpoint, String appKey, Secret appSecret) {
        this(endpoint, appKey, appSecret, null, DEFAULT_TIMEOUT_MILLIS, null, SignatureMethod.HMAC_SHA256);
    }

    public ClientSettings withTimeoutMillis(long millis) {
        return new ClientSettings(endpoint, appKey, appSecret, iotToken, millis, language, signatureMethod);
    }

    public ClientSettings withLanguage(String lang) {
        return new ClientSettings(endpoint, appKey, appSecret, iotToken, timeoutMillis, lang, signatureMethod);
    }

    public ClientSettings withIotToken(Secret token) {
        return new ClientSettings(endpoint, appKey, appSecret, token, timeoutMillis, language, signatureMethod);
    }
}
