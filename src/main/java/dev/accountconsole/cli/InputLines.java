package dev.accountconsole.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The values of {@code --input}: one a line, read lazily (a million lines cost one line of memory),
 * blank lines skipped, surrounding white space trimmed, UTF-8. A read error part-way ends the input
 * and is kept for the caller to report after the items already read have been printed.
 */
final class InputLines implements Iterator<String>, AutoCloseable {
    private final BufferedReader reader;
    private final boolean closeReader;
    private String next;
    private IOException failure;

    private InputLines(BufferedReader reader, boolean closeReader) {
        this.reader = reader;
        this.closeReader = closeReader;
    }

    /**
     * @param source a file path, or {@code -} for standard input
     * @throws UsageException when the file cannot be opened
     */
    static InputLines open(String source, InputStream stdin) throws UsageException {
        if (source.equals("-")) {
            return new InputLines(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), false);
        }
        try {
            return new InputLines(Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8), true);
        } catch (NoSuchFileException e) {
            throw new UsageException("cli.usage.inputMissing", source);
        } catch (IOException | InvalidPathException e) {
            throw new UsageException("cli.usage.inputUnreadable", source, e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null && failure == null) {
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                failure = e;
                return false;
            }
            if (line == null) {
                return false;
            }
            line = line.strip();
            if (!line.isEmpty()) {
                next = line;
            }
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String value = next;
        next = null;
        return value;
    }

    /** The error that ended the input early, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public void close() {
        if (closeReader) {
            try {
                reader.close();
            } catch (IOException e) {
                // Nothing was written through this reader; a failed close loses nothing.
            }
        }
    }
}
