package dev.accountconsole.sandbox;

import dev.accountconsole.api.Secret;
import java.util.Objects;

/**
 * One AppKey/AppSecret pair the sandbox accepts.
 *
 * @param requestsPerSecond this key's rate limit; 0 means unlimited
 */
public record AppCredentials(String appKey, Secret appSecret, double requestsPerSecond) {
    public AppCredentials {
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(appSecret, "appSecret");
        if (appKey.isBlank() || appSecret.isEmpty()) {
            throw new IllegalArgumentException("AppKey and AppSecret must not be empty");
        }
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be 0 (unlimited) or positive");
        }
    }

    /** A pair without a rate limit. */
    public static AppCredentials unlimited(String appKey, Secret appSecret) {
        return new AppCredentials(appKey, appSecret, 0);
    }

    @Override
    public String toString() {
        return "AppCredentials[" + appKey + ", secret=***, " + requestsPerSecond + "/s]";
    }
}
