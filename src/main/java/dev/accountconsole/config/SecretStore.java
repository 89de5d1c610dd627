package dev.accountconsole.config;

import dev.accountconsole.api.Secret;
import java.io.IOException;
import java.util.Optional;

/**
 * Where AppSecrets and iotTokens are kept, never in plain text. Keys are {@code profile/kind}, e.g.
 * {@code Production/appSecret}.
 */
public interface SecretStore {
    Optional<Secret> get(String key) throws IOException;

    void put(String key, Secret value) throws IOException;

    void remove(String key) throws IOException;

    /** A short, user-facing description of where secrets are, for the Settings view. */
    String description();
}
