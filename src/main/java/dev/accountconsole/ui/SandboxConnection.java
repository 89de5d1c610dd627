package dev.accountconsole.ui;

import dev.accountconsole.api.Secret;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.sandbox.EmbeddedSandbox;
import java.net.URI;

/**
 * A running embedded sandbox as the console uses it: where it listens, the credentials of this
 * installation, and how to stop it.
 */
public record SandboxConnection(URI endpoint, String appKey, Secret appSecret, Secret iotToken, AutoCloseable server)
        implements AutoCloseable {

    /** Demo accounts the embedded sandbox creates on an installation's first start. */
    public static final int DEMO_ACCOUNTS = 200;

    /** Starts the embedded sandbox for the console; blocking, called off the JavaFX thread. */
    @FunctionalInterface
    public interface Starter {
        SandboxConnection start() throws Exception;
    }

    public static SandboxConnection of(EmbeddedSandbox sandbox) {
        var c = sandbox.clientSettings();
        return new SandboxConnection(c.endpoint(), c.appKey(), c.appSecret(), c.iotToken(), sandbox);
    }

    /** The embedded sandbox in the user's data folder, as the console starts it. */
    public static Starter embedded(AppDirs dirs) {
        return () -> of(EmbeddedSandbox.startForConsole(dirs, DEMO_ACCOUNTS));
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
