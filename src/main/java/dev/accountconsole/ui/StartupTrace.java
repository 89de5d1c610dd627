package dev.accountconsole.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up milestones for the benchmark ({@code bench/startup.sh}): with
 * {@code -Daccountconsole.startupTrace=FILE} the console writes, once the first page is shown, one
 * line per milestone, "name milliseconds-since-JVM-start": window shown, outline drawn, frame
 * drawn, page drawn ("drawn": laid out by a pulse and handed to the renderer). Off (the default), marking costs a field
 * read.
 */
public final class StartupTrace {
    private static final String FILE = System.getProperty("accountconsole.startupTrace");
    private static final long ORIGIN_NANOS = System.nanoTime();
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> NANOS = new ArrayList<>();

    private StartupTrace() {
    }

    public static void mark(String milestone) {
        if (FILE == null) {
            return;
        }
        synchronized (NAMES) {
            NAMES.add(milestone);
            NANOS.add(System.nanoTime());
        }
    }

    /** Writes the milestones so far, on a thread of its own (the caller is the JavaFX thread). */
    static void write() {
        if (FILE == null) {
            return;
        }
        // The JVM's start, from the operating system: uptime from the management API would load
        // its classes in the middle of what is being measured.
        long originMillis = ProcessHandle.current().info().startInstant()
                .map(start -> System.currentTimeMillis() - start.toEpochMilli() - (System.nanoTime() - ORIGIN_NANOS) / 1_000_000)
                .orElse(0L);
        StringBuilder out = new StringBuilder();
        synchronized (NAMES) {
            for (int i = 0; i < NAMES.size(); i++) {
                out.append(NAMES.get(i)).append(' ')
                        .append(originMillis + (NANOS.get(i) - ORIGIN_NANOS) / 1_000_000).append('\n');
            }
        }
        Thread writer = new Thread(() -> {
            try {
                Path target = Path.of(FILE);
                Path partial = target.resolveSibling(target.getFileName() + ".part");
                Files.writeString(partial, out, StandardCharsets.UTF_8);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                System.getLogger(StartupTrace.class.getName()).log(System.Logger.Level.WARNING, "Cannot write the start-up trace", e);
            }
        }, "startup-trace");
        writer.setDaemon(true);
        writer.start();
    }
}
