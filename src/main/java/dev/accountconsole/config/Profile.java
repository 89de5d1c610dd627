package dev.accountconsole.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.accountconsole.api.ClientSettings;
import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;

/**
 * A named connection: where to call and as which AppKey. Secrets (AppSecret, iotToken) are not part
 * of the profile: they live in a {@link SecretStore}, keyed by the profile's name.
 *
 * @param endpoint gateway base URL; null for the built-in sandbox, whose port is chosen at start
 * @param language {@code zh-CN} or {@code en-US} for the gateway's localizedMsg; null follows the UI
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Profile(String name, String endpoint, String appKey, long timeoutMillis, String language,
                      boolean builtInSandbox) {

    public static final String BUILT_IN_SANDBOX_NAME = "Sandbox";

    public Profile {
        Objects.requireNonNull(name, "name");
        if (timeoutMillis <= 0) {
            timeoutMillis = ClientSettings.DEFAULT_TIMEOUT_MILLIS;
        }
    }

    /** The profile of the in-process sandbox the console starts when nothing is configured. */
    public static Profile forBuiltInSandbox() {
        return new Profile(BUILT_IN_SANDBOX_NAME, null, null, ClientSettings.DEFAULT_TIMEOUT_MILLIS, null, true);
    }

    /** Which world a profile touches: the operator must never confuse the two. */
    public enum Environment { SANDBOX, PRODUCTION }

    /**
     * Sandbox for the built-in sandbox and any loopback endpoint; production for everything else,
     * so that an unknown host is treated with production's care.
     */
    @JsonIgnore
    public Environment environment() {
        if (builtInSandbox) {
            return Environment.SANDBOX;
        }
        try {
            String host = URI.create(endpoint).getHost();
            if (host != null && (host.equals("localhost") || isLoopbackLiteral(host))) {
                return Environment.SANDBOX;
            }
        } catch (IllegalArgumentException e) {
            return Environment.PRODUCTION;
        }
        return Environment.PRODUCTION;
    }

    private static boolean isLoopbackLiteral(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public Profile withAppKey(String newAppKey) {
        return new Profile(name, endpoint, newAppKey, timeoutMillis, language, builtInSandbox);
    }
}
