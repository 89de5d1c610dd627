package dev.accountconsole.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
    private static final List<Mark> MARKS = new ArrayList<>();

    private record Mark(String name, long nanos) {
    }

    private StartupTrace() {
    }

    public static void mark(String milestone) {
        if (FILE == null) {
            return;
        }
        synchronized (MARKS) {
            MARKS.add(new Mark(milestone, System.nanoTime()));
        }
    }

    /** Writes the milestones so far, on a thread of its own (the caller is the JavaFX thread). */
    static void write() {
        if (FILE == null) {
            return;
        }
        long nowMillis = System.currentTimeMillis();
        long nowNanos = System.nanoTime();
        List<Mark> marks;
        synchronized (MARKS) {
            marks = List.copyOf(MARKS);
        }
        Thread writer = new Thread(() -> {
            // The JVM's start from the management API, on this thread: its classes load after
            // everything that is measured, and not on the JavaFX thread.
            long originMillis = nowMillis - ManagementFactory.getRuntimeMXBean().getStartTime()
                    - (nowNanos - ORIGIN_NANOS) / 1_000_000;
            StringBuilder out = new StringBuilder();
            for (Mark m : marks) {
                out.append(m.name()).append(' ').append(originMillis + (m.nanos() - ORIGIN_NANOS) / 1_000_000).append('\n');
            }
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
