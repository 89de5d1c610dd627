package dev.accountconsole.config;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets encrypted at rest with AES-256-GCM, for machines without an operating-system credential
 * store. The key is a random 256-bit file beside the secrets; both files are owner-only (0600). This
 * keeps secrets out of plain text, backups of the profile file and casual reads; it does not stand
 * against someone who can read the user's files, which only an OS keyring could.
 *
 * <p>Each value is bound to its key name as associated data, so a ciphertext moved to another name
 * does not decrypt.
 */
public final class EncryptedFileSecretStore implements SecretStore {
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;
    private final Path secretsFile;

    public EncryptedFileSecretStore(Path dir) {
        this.keyFile = dir.resolve("secrets.key");
        this.secretsFile = dir.resolve("secrets.json");
    }

    @Override
    public synchronized Optional<Secret> get(String key) throws IOException {
        String sealed = read().get(key);
        if (sealed == null) {
            return Optional.empty();
        }
        return Optional.of(Secret.of(decrypt(key, sealed)));
    }

    @Override
    public synchronized void put(String key, Secret value) throws IOException {
        Map<String, String> all = read();
        all.put(key, encrypt(key, value.reveal()));
        write(all);
    }

    @Override
    public synchronized void remove(String key) throws IOException {
        Map<String, String> all = read();
        if (all.remove(key) != null) {
            write(all);
        }
    }

    @Override
    public String description() {
        return secretsFile.toString();
    }

    private Map<String, String> read() throws IOException {
        if (!Files.exists(secretsFile)) {
            return new TreeMap<>();
        }
        return Json.MAPPER.readValue(secretsFile.toFile(), new TypeReference<TreeMap<String, String>>() { });
    }

    private void write(Map<String, String> all) throws IOException {
        Files.createDirectories(secretsFile.getParent());
        FileSafety.writeAtomically(secretsFile, Json.MAPPER.writeValueAsBytes(all), true);
    }

    private byte[] keyBytes() throws IOException {
        if (Files.exists(keyFile)) {
            byte[] k = Files.readAllBytes(keyFile);
            if (k.length != KEY_BYTES) {
                throw new IOException("secret key file is damaged: " + keyFile);
            }
            return k;
        }
        byte[] k = new byte[KEY_BYTES];
        RANDOM.nextBytes(k);
        Files.createDirectories(keyFile.getParent());
        FileSafety.writeAtomically(keyFile, k, true);
        return k;
    }

    private String encrypt(String name, String plain) throws IOException {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IOException("could not encrypt a secret", e);
        }
    }

    private String decrypt(String name, String sealed) throws IOException {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyBytes(), "AES"),
                    new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("a stored secret could not be decrypted (the key file changed?)");
        }
    }
}
