package dev.accountconsole.sandbox;

import dev.accountconsole.api.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to run a sandbox gateway.
 *
 * @param bindAddress the address to listen on; loopback by default
 * @param port 0 for an ephemeral port
 * @param dataDir the folder of the account database
 * @param keys the AppKey/AppSecret pairs it accepts, each with its own rate limit
 * @param iotToken the user-auth token modifyAccount requires
 * @param demoCount demo accounts to generate when the database is empty
 * @param faults fault injection at start (changeable later through {@link SandboxServer#faults()})
 * @param clock server time, for timestamps and gmtCreate/gmtModified
 * @param maxConnections connections open at once; more are answered 503 and closed
 */
public record SandboxConfig(String bindAddress, int port, Path dataDir, List<AppCredentials> keys, Secret iotToken,
                            int demoCount, FaultSettings faults, Clock clock, int maxConnections) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    public SandboxConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(iotToken, "iotToken");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one AppKey/AppSecret pair is needed");
        }
        Set<String> seen = new HashSet<>();
        for (AppCredentials k : keys) {
            if (!seen.add(k.appKey())) {
                throw new IllegalArgumentException("AppKey " + k.appKey() + " is listed twice");
            }
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (demoCount < 0) {
            throw new IllegalArgumentException("demoCount must not be negative");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
    }

    /**
     * Database connections: requests beyond this many wait for one; more would only add contention
     * on a machine of a few cores.
     */
    int databaseConnections() {
        return Math.min(maxConnections, 16);
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Defaults: loopback, ephemeral port, no demo data, no faults, system clock. */
    public static final class Builder {
        private final Path dataDir;
        private String bindAddress = DEFAULT_BIND;
        private int port;
        private final List<AppCredentials> keys = new ArrayList<>();
        private Secret iotToken;
        private int demoCount;
        private FaultSettings faults = FaultSettings.NONE;
        private Clock clock = Clock.systemUTC();
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder bindAddress(String v) { bindAddress = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder key(AppCredentials v) { keys.add(v); return this; }
        public Builder key(String appKey, String appSecret) { return key(AppCredentials.unlimited(appKey, Secret.of(appSecret))); }
        public Builder iotToken(Secret v) { iotToken = v; return this; }
        public Builder demoCount(int v) { demoCount = v; return this; }
        public Builder faults(FaultSettings v) { faults = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }

        public SandboxConfig build() {
            return new SandboxConfig(bindAddress, port, dataDir, keys, iotToken, demoCount, faults, clock, maxConnections);
        }
    }
}
