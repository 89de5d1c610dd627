package dev.accountconsole.ui;

import dev.accountconsole.api.Secret;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.sandbox.EmbeddedSandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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

    /** Another console on this computer runs the embedded sandbox of this user. */
    public static final class InUseException extends IOException {
        InUseException(Path lock) {
            super("embedded sandbox in use by another console (" + lock + ")");
        }
    }

    /**
     * The embedded sandbox in the user's data folder, as the console starts it. A lock held for the
     * life of the sandbox lets a second console say plainly that the sandbox is busy, instead of
     * failing deep in the database.
     */
    public static Starter embedded(AppDirs dirs) {
        return () -> {
            Path lockFile = dirs.sandboxData().resolve("console.lock");
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new InUseException(lockFile);
            }
            try {
                EmbeddedSandbox sandbox = EmbeddedSandbox.startForConsole(dirs, DEMO_ACCOUNTS);
                var c = sandbox.clientSettings();
                return new SandboxConnection(c.endpoint(), c.appKey(), c.appSecret(), c.iotToken(), () -> {
                    try (channel) {
                        sandbox.close();
                    }
                });
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        };
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
