package dev.accountconsole.config;

import dev.accountconsole.api.Secret;
import java.io.IOException;
import java.util.Optional;

/**
 * The keyring first, the encrypted file behind it: secrets saved before a keyring was available are
 * still found, and move to the keyring the next time they are saved.
 */
public final class LayeredSecretStore implements SecretStore {
    private final SecretStore primary;
    private final SecretStore legacy;

    public LayeredSecretStore(SecretStore primary, SecretStore legacy) {
        this.primary = primary;
        this.legacy = legacy;
    }

    @Override
    public Optional<Secret> get(String key) throws IOException {
        Optional<Secret> found = primary.get(key);
        return found.isPresent() ? found : legacy.get(key);
    }

    @Override
    public void put(String key, Secret value) throws IOException {
        primary.put(key, value);
        legacy.remove(key);
    }

    @Override
    public void remove(String key) throws IOException {
        primary.remove(key);
        legacy.remove(key);
    }

    @Override
    public String description() {
        return primary.description();
    }
}
