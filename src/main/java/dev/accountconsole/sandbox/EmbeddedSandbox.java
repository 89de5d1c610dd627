package dev.accountconsole.sandbox;

import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.config.AppDirs;
import java.io.IOException;

/**
 * The sandbox the console starts for its default profile: loopback, ephemeral port, data and
 * per-installation credentials in the user's data directory, no rate limit, no faults.
 */
public final class EmbeddedSandbox implements AutoCloseable {
    private final SandboxServer server;
    private final EmbeddedCredentials credentials;

    private EmbeddedSandbox(SandboxServer server, EmbeddedCredentials credentials) {
        this.server = server;
        this.credentials = credentials;
    }

    /**
     * Starts the embedded sandbox.
     *
     * @param demoCountOnFirstStart demo accounts generated when the credentials are new and the
     *     database is empty (the installation's first start)
     */
    public static EmbeddedSandbox startForConsole(AppDirs dirs, int demoCountOnFirstStart) throws IOException {
        EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(dirs.sandboxData());
        SandboxConfig config = SandboxConfig.builder(dirs.sandboxData())
                .key(AppCredentials.unlimited(credentials.appKey(), credentials.appSecret()))
                .iotToken(credentials.iotToken())
                .demoCount(credentials.created() ? demoCountOnFirstStart : 0)
                .maxConnections(32)
                .build();
        return new EmbeddedSandbox(SandboxServer.start(config), credentials);
    }

    public SandboxServer server() {
        return server;
    }

    public EmbeddedCredentials credentials() {
        return credentials;
    }

    /** Client settings for the default profile: this sandbox's endpoint, AppKey, AppSecret and iotToken. */
    public ClientSettings clientSettings() {
        return new ClientSettings(server.baseUri(), credentials.appKey(), credentials.appSecret())
                .withIotToken(credentials.iotToken());
    }

    @Override
    public void close() {
        server.close();
    }
}
