package dev.accountconsole.cli;

import dev.accountconsole.i18n.Messages;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The process's streams, environment and message language, passed in rather than taken from
 * {@code System} so that tests run the whole CLI in-process.
 *
 * <p>Text is encoded as UTF-8 explicitly: on JDK 17 with no locale the default charset is ASCII and
 * Chinese text would turn into question marks. Results reach standard output as the UTF-8 bytes the
 * workers wrote them in, through one large buffer, flushed only when a run of finished results has
 * been written, because a line-at-a-time flush costs a system call per account in a 10,000-line
 * bulk run. picocli's own text (help, version) goes through {@link #out()}; a run that prints it
 * prints no results.
 */
final class CliContext {
    private static final int OUT_BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final OutputStream stdout;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final Locale locale;
    private boolean outputClosed;

    CliContext(InputStream in, OutputStream out, OutputStream err, Map<String, String> env, Locale locale) {
        this.in = in;
        this.stdout = new BufferedOutputStream(out, OUT_BUFFER_BYTES);
        this.out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
        this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), false);
        this.env = Map.copyOf(env);
        this.locale = locale;
    }

    InputStream in() {
        return in;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    String env(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    Locale locale() {
        return locale;
    }

    String text(String key, Object... args) {
        return Messages.get(locale, key, args);
    }

    /** Writes one item's result; lines only, no flush. */
    void emit(Outcome outcome) {
        if (!outputClosed) {
            try {
                for (byte[] line : outcome.stdoutLines()) {
                    stdout.write(line);
                    stdout.write('\n');
                }
            } catch (IOException e) {
                outputClosed = true;
            }
        }
        if (outcome.stderrLine() != null) {
            err.write(outcome.stderrLine());
            err.write('\n');
        }
    }

    void printError(String line) {
        err.write(line);
        err.write('\n');
        err.flush();
    }

    /** Flushes both streams; a failed stdout (a reader such as {@code head} that has gone) is remembered. */
    void flush() {
        err.flush();
        if (out.checkError()) {
            outputClosed = true;
            return;
        }
        try {
            stdout.flush();
        } catch (IOException e) {
            outputClosed = true;
        }
    }

    /** True once stdout could not be written: there is no one left to read further results. */
    boolean outputClosed() {
        return outputClosed;
    }
}
