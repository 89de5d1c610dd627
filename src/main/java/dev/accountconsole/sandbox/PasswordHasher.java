package dev.accountconsole.sandbox;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt with a per-password random salt. Passwords longer than bcrypt's 72 bytes (easy to reach
 * with Chinese text) are first reduced with SHA-512 rather than cut, so every character counts.
 */
final class PasswordHasher {
    /** About 50-100 ms per hash on the target machine: slow for an attacker, bearable per register. */
    static final int COST = 10;

    private final BCrypt.Hasher hasher =
            BCrypt.with(LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    private final BCrypt.Verifyer verifyer =
            BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));

    String hash(String password) {
        return new String(hasher.hash(COST, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    boolean matches(String password, String hash) {
        return verifyer.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
