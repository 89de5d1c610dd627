package dev.accountconsole.ui;

import dev.accountconsole.api.Secret;
import java.net.URI;

/**
 * A running embedded sandbox as the console uses it: where it listens, the credentials of this
 * installation, and how to stop it.
 */
public record SandboxConnection(URI endpoint, String appKey, Secret appSecret, Secret iotToken, AutoCloseable server)
        implements AutoCloseable {

    /** Starts the embedded sandbox for the console; blocking, called off the JavaFX thread. */
    @FunctionalInterface
    public interface Starter {
        SandboxConnection start() throws Exception;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
