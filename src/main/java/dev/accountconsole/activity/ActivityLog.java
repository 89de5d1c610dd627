package dev.accountconsole.activity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.accountconsole.config.FileSafety;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The operator's writes, kept on disk across restarts: one JSON object a line in
 * {@code activity.jsonl}, appended under an OS file lock and forced to disk, so that two running
 * consoles interleave whole lines and a crash loses at most the line being written. A damaged line
 * is skipped on reading, never fatal.
 */
public final class ActivityLog {
    private static final System.Logger LOG = System.getLogger(ActivityLog.class.getName());
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final String[] CSV_HEADER =
            {"time", "operator", "profile", "action", "identityId", "outcomeCode", "requestId", "message"};

    private final Path file;

    public ActivityLog(Path dataDir) {
        this.file = dataDir.resolve("activity.jsonl");
    }

    public Path file() {
        return file;
    }

    public synchronized void append(ActivityEntry entry) throws IOException {
        byte[] line = (MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        FileSafety.withExclusiveLock(file, ch -> {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
            return null;
        });
    }

    /** Every entry, oldest first. */
    public synchronized List<ActivityEntry> readAll() throws IOException {
        List<ActivityEntry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(MAPPER.readValue(line, ActivityEntry.class));
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "skipping damaged activity line {0}", number);
                }
            }
        }
        return entries;
    }

    /**
     * Writes the entries that pass the filter as CSV (RFC 4180, a header row). Cells that a
     * spreadsheet would run as a formula are prefixed with an apostrophe.
     */
    public static void writeCsv(List<ActivityEntry> entries, Predicate<ActivityEntry> filter, Writer out)
            throws IOException {
        writeRow(out, CSV_HEADER);
        for (ActivityEntry e : entries) {
            if (filter.test(e)) {
                writeRow(out, new String[] {e.time() == null ? "" : e.time().toString(), e.operator(), e.profile(),
                        e.action(), e.identityId(), e.outcomeCode(), e.requestId(), e.message()});
            }
        }
        out.flush();
    }

    private static void writeRow(Writer out, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvCell(cells[i]));
        }
        out.write("\r\n");
    }

    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
