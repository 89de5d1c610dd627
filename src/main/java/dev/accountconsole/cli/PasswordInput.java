package dev.accountconsole.cli;

import dev.accountconsole.api.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code --password-stdin}: the first line of standard input, so the password never shows in {@code ps}. */
final class PasswordInput {
    private PasswordInput() {
    }

    /**
     * Reads byte by byte up to the first line feed: a buffered reader would swallow input that is
     * not ours to take.
     */
    static Secret readFirstLine(InputStream in) throws UsageException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
        } catch (IOException e) {
            throw new UsageException("cli.usage.passwordStdin");
        }
        String password = line.toString(StandardCharsets.UTF_8);
        if (password.endsWith("\r")) {
            password = password.substring(0, password.length() - 1);
        }
        if (password.isEmpty()) {
            throw new UsageException("cli.usage.passwordStdin");
        }
        return Secret.of(password);
    }
}
