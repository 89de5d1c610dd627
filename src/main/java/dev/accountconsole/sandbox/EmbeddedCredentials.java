package dev.accountconsole.sandbox;

import dev.accountconsole.api.Secret;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The per-installation AppKey, AppSecret and iotToken of the console's embedded sandbox: generated
 * on first start, kept in a file only its owner can read (0600 on POSIX), loaded on every later start,
 * so that the default profile needs no configuring and no two installations share a secret.
 *
 * @param created true when this start generated them (the installation's first start)
 */
public record EmbeddedCredentials(String appKey, Secret appSecret, Secret iotToken, boolean created) {
    public static final String FILE_NAME = "sandbox-credentials.properties";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Loads the credentials from {@code dir}, creating them first if there are none. */
    public static EmbeddedCredentials loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            String key = p.getProperty("appKey");
            String secret = p.getProperty("appSecret");
            String token = p.getProperty("iotToken");
            if (key == null || key.isBlank() || secret == null || secret.isBlank() || token == null || token.isBlank()) {
                throw new IOException(file + " is incomplete; delete it to generate new sandbox credentials");
            }
            return new EmbeddedCredentials(key, Secret.of(secret), Secret.of(token), false);
        }
        EmbeddedCredentials fresh = generate();
        write(dir, file, fresh);
        return fresh;
    }

    /** An 8-digit AppKey like the vendor's, a 32-character secret and a 32-hex-digit token. */
    static EmbeddedCredentials generate() {
        String key = Integer.toString(10_000_000 + RANDOM.nextInt(90_000_000));
        StringBuilder secret = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            secret.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
        }
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return new EmbeddedCredentials(key, Secret.of(secret.toString()),
                Secret.of(java.util.HexFormat.of().formatHex(token)), true);
    }

    /** Written to a private temporary file first and moved into place, so a crash leaves no half file. */
    private static void write(Path dir, Path file, EmbeddedCredentials c) throws IOException {
        Files.createDirectories(dir);
        Path tmp;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            tmp = Files.createTempFile(dir, ".credentials", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            tmp = Files.createTempFile(dir, ".credentials", ".tmp");
        }
        try {
            Properties p = new Properties();
            p.setProperty("appKey", c.appKey());
            p.setProperty("appSecret", c.appSecret().reveal());
            p.setProperty("iotToken", c.iotToken().reveal());
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Account Console embedded sandbox credentials. Keep private.");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[" + appKey + ", secret=***, token=***]";
    }
}
