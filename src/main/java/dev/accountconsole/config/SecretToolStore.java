package dev.accountconsole.config;

import dev.accountconsole.api.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Secrets in the desktop's keyring (GNOME Keyring, KWallet: anything speaking the freedesktop Secret
 * Service) through libsecret's {@code secret-tool}. The secret itself only ever travels on the
 * tool's standard input and output, never on its command line; the attributes name the application
 * and the key ({@code profile/appSecret}).
 *
 * <p>Used where the tool exists and a session bus answers ({@link #available}); otherwise the console
 * keeps secrets in an {@link EncryptedFileSecretStore}.
 */
public final class SecretToolStore implements SecretStore {
    private static final String SERVICE = "dev.accountconsole";
    private static final long TIMEOUT_SECONDS = 10;

    private final String tool;

    public SecretToolStore(String tool) {
        this.tool = tool;
    }

    /**
     * The store when {@code secret-tool} is on the PATH, a D-Bus session is there and a lookup answers
     * (found or not found); empty otherwise.
     */
    public static Optional<SecretToolStore> available(Map<String, String> env) {
        if (env.get("DBUS_SESSION_BUS_ADDRESS") == null) {
            return Optional.empty();
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "secret-tool");
            if (Files.isExecutable(candidate)) {
                SecretToolStore store = new SecretToolStore(candidate.toString());
                try {
                    int status = store.run(null, "lookup", "service", SERVICE, "key", "probe").status();
                    // 0: found, 1: not found; anything else: no keyring service answering.
                    return status <= 1 ? Optional.of(store) : Optional.empty();
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Secret> get(String key) throws IOException {
        Result r = run(null, "lookup", "service", SERVICE, "key", key);
        if (r.status() == 1 || (r.status() == 0 && r.output().isEmpty())) {
            return Optional.empty();
        }
        if (r.status() != 0) {
            throw new IOException("the keyring did not answer (secret-tool exit " + r.status() + ")");
        }
        return Optional.of(Secret.of(r.output()));
    }

    @Override
    public void put(String key, Secret value) throws IOException {
        Result r = run(value.reveal(), "store", "--label=Account Console " + key, "service", SERVICE, "key", key);
        if (r.status() != 0) {
            throw new IOException("the keyring refused the secret (secret-tool exit " + r.status() + ")");
        }
    }

    @Override
    public void remove(String key) throws IOException {
        Result r = run(null, "clear", "service", SERVICE, "key", key);
        if (r.status() > 1) {
            throw new IOException("the keyring did not answer (secret-tool exit " + r.status() + ")");
        }
    }

    @Override
    public String description() {
        return "desktop keyring (Secret Service)";
    }

    private record Result(int status, String output) {
    }

    private Result run(String stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out;
        try (InputStream o = p.getInputStream()) {
            out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the keyring did not answer within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the keyring", e);
        }
        // secret-tool prints the secret with no trailing newline when stdout is not a terminal.
        return new Result(p.exitValue(), out);
    }
}
