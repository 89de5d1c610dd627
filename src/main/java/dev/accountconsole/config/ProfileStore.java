package dev.accountconsole.config;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.Secret;
import dev.accountconsole.api.SignatureMethod;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator's profiles ({@code profiles.json} in the config folder, no secrets in it) and their
 * secrets (in a {@link SecretStore}). Read-modify-write happens under an OS file lock, and files are
 * replaced atomically, so two running consoles never corrupt each other's work.
 */
public final class ProfileStore {
    private static final String APP_SECRET = "/appSecret";
    private static final String IOT_TOKEN = "/iotToken";

    private final Path file;
    private final Path lockFile;
    private final SecretStore secrets;

    public ProfileStore(Path configDir, SecretStore secrets) {
        this.file = configDir.resolve("profiles.json");
        this.lockFile = configDir.resolve("profiles.lock");
        this.secrets = secrets;
    }

    /** The store in the user's usual folders, secrets encrypted at rest in the data folder. */
    public static ProfileStore open(AppDirs dirs) {
        return new ProfileStore(dirs.config(), new EncryptedFileSecretStore(dirs.data()));
    }

    /**
     * The operator's store: secrets in the desktop keyring where one answers, in the encrypted file
     * otherwise. With everything in one folder ({@code ACCOUNT_CONSOLE_HOME}: tests, portable use)
     * secrets stay in that folder. Asks the keyring, so call it off the JavaFX thread.
     */
    public static ProfileStore openForUser(AppDirs dirs) {
        SecretStore file = new EncryptedFileSecretStore(dirs.data());
        boolean oneFolder = System.getProperty(AppDirs.HOME_PROPERTY) != null || System.getenv(AppDirs.HOME_ENV) != null;
        SecretStore secrets = oneFolder ? file : SecretToolStore.available(System.getenv())
                .<SecretStore>map(keyring -> new LayeredSecretStore(keyring, file)).orElse(file);
        return new ProfileStore(dirs.config(), secrets);
    }

    public SecretStore secrets() {
        return secrets;
    }

    /** Saved profiles, in the order they were added. The built-in sandbox is not among them. */
    public synchronized List<Profile> list() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return List.copyOf(Json.MAPPER.readValue(file.toFile(), new TypeReference<List<Profile>>() { }));
    }

    public Optional<Profile> find(String name) throws IOException {
        return list().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Adds or replaces a profile by name. A null secret or token keeps the stored one; an empty one
     * removes it.
     */
    public synchronized void save(Profile profile, Secret appSecret, Secret iotToken) throws IOException {
        if (profile.builtInSandbox()) {
            throw new IllegalArgumentException("the built-in sandbox profile is not stored");
        }
        withLock(() -> {
            List<Profile> all = new ArrayList<>(list());
            all.removeIf(p -> p.name().equals(profile.name()));
            all.add(profile);
            write(all);
            storeSecret(profile.name() + APP_SECRET, appSecret);
            storeSecret(profile.name() + IOT_TOKEN, iotToken);
        });
    }

    public synchronized void delete(String name) throws IOException {
        withLock(() -> {
            List<Profile> all = new ArrayList<>(list());
            if (all.removeIf(p -> p.name().equals(name))) {
                write(all);
            }
            secrets.remove(name + APP_SECRET);
            secrets.remove(name + IOT_TOKEN);
        });
    }

    public Optional<Secret> appSecret(String profileName) throws IOException {
        return secrets.get(profileName + APP_SECRET);
    }

    public Optional<Secret> iotToken(String profileName) throws IOException {
        return secrets.get(profileName + IOT_TOKEN);
    }

    /**
     * Client settings for a saved profile.
     *
     * @throws IOException when the profile has no AppSecret stored
     */
    public ClientSettings clientSettings(Profile profile, String languageFallback) throws IOException {
        Secret secret = appSecret(profile.name())
                .orElseThrow(() -> new IOException("profile " + profile.name() + " has no AppSecret"));
        String language = profile.language() != null ? profile.language() : languageFallback;
        return new ClientSettings(URI.create(profile.endpoint()), profile.appKey(), secret,
                iotToken(profile.name()).orElse(null), profile.timeoutMillis(), language, SignatureMethod.HMAC_SHA256);
    }

    private void storeSecret(String key, Secret value) throws IOException {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            secrets.remove(key);
        } else {
            secrets.put(key, value);
        }
    }

    private void write(List<Profile> all) throws IOException {
        FileSafety.writeAtomically(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(all), true);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void withLock(IoAction action) throws IOException {
        FileSafety.withExclusiveLock(lockFile, ch -> {
            action.run();
            return null;
        });
    }
}
