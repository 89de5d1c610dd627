package dev.accountconsole.activity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.accountconsole.config.FileSafety;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * The operator's writes, kept on disk across restarts: one JSON object a line in
 * {@code activity.jsonl}, appended under an OS file lock and forced to disk, so that two running
 * consoles interleave whole lines and a crash loses at most the line being written.
 *
 * <p>Entries are chained: each carries the previous entry's hash and its own SHA-256 over its content
 * and that link, and {@code activity.head} records the count and the last hash. {@link #verify()}
 * therefore detects an edited, inserted, reordered or deleted line, including the last one. This is
 * tamper-evident, not tamper-proof: someone who rewrites the whole file and the head can forge it.
 */
public final class ActivityLog {
    public static final String GENESIS = "0".repeat(64);
    private static final System.Logger LOG = System.getLogger(ActivityLog.class.getName());
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final String[] CSV_HEADER =
            {"time", "operator", "profile", "action", "identityId", "outcomeCode", "requestId", "message"};

    private final Path file;
    private final Path head;

    public ActivityLog(Path dataDir) {
        this.file = dataDir.resolve("activity.jsonl");
        this.head = dataDir.resolve("activity.head");
    }

    public Path file() {
        return file;
    }

    /** Appends the entry, linked to the last one; returns it with its chain fields set. */
    public ActivityEntry append(ActivityEntry entry) throws IOException {
        return FileSafety.withExclusiveLock(file, ch -> {
            Head last = readHead();
            ActivityEntry linked = entry.chained(last.hash(), null);
            ActivityEntry sealed = linked.chained(last.hash(), hashOf(linked));
            ByteBuffer buf = ByteBuffer.wrap((MAPPER.writeValueAsString(sealed) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
            FileSafety.writeAtomically(head, (last.count() + 1 + " " + sealed.hash()).getBytes(StandardCharsets.US_ASCII),
                    true);
            return sealed;
        });
    }

    private record Head(long count, String hash) {
    }

    private Head readHead() throws IOException {
        if (!Files.exists(head)) {
            return new Head(0, GENESIS);
        }
        String[] parts = Files.readString(head, StandardCharsets.US_ASCII).strip().split(" ");
        return new Head(Long.parseLong(parts[0]), parts[1]);
    }

    /** Every readable entry, oldest first; a damaged line is skipped (and reported by {@link #verify()}). */
    public List<ActivityEntry> readAll() throws IOException {
        List<ActivityEntry> entries = new ArrayList<>();
        forEachLine((number, line, entry) -> {
            if (entry != null) {
                entries.add(entry);
            } else {
                LOG.log(System.Logger.Level.WARNING, "skipping damaged activity line {0}", number);
            }
            return true;
        });
        return entries;
    }

    /** The outcome of {@link #verify()}: intact, or the first line where the chain breaks. */
    public record Verification(boolean intact, long entries, long brokenAtLine, String reason) {
        static Verification ok(long n) {
            return new Verification(true, n, 0, null);
        }

        static Verification broken(long n, long line, String reason) {
            return new Verification(false, n, line, reason);
        }
    }

    /**
     * Recomputes the chain. Reasons are stable keys: {@code damaged} (not an entry),
     * {@code edited} (content does not match its hash), {@code missing} (the previous line is not the
     * one this entry was linked to: a deletion, insertion or reordering), {@code truncated} (entries
     * after the last line are gone).
     */
    public Verification verify() throws IOException {
        String[] previous = {GENESIS};
        long[] count = {0};
        Verification[] failure = {null};
        forEachLine((number, line, entry) -> {
            if (entry == null) {
                failure[0] = Verification.broken(count[0], number, "damaged");
                return false;
            }
            if (!entry.prevHash().equals(previous[0])) {
                failure[0] = Verification.broken(count[0], number, "missing");
                return false;
            }
            if (!hashOf(entry.chained(entry.prevHash(), null)).equals(entry.hash())) {
                failure[0] = Verification.broken(count[0], number, "edited");
                return false;
            }
            previous[0] = entry.hash();
            count[0]++;
            return true;
        });
        if (failure[0] != null) {
            return failure[0];
        }
        Head h = readHead();
        if (h.count() != count[0] || !h.hash().equals(previous[0])) {
            return Verification.broken(count[0], count[0] + 1, "truncated");
        }
        return Verification.ok(count[0]);
    }

    private interface LineVisitor {
        boolean visit(long number, String line, ActivityEntry entryOrNull) throws IOException;
    }

    private void forEachLine(LineVisitor visitor) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ActivityEntry entry;
                try {
                    entry = MAPPER.readValue(line, ActivityEntry.class);
                    if (entry.hash() == null || entry.prevHash() == null) {
                        entry = null;
                    }
                } catch (IOException e) {
                    entry = null;
                }
                if (!visitor.visit(number, line, entry)) {
                    return;
                }
            }
        }
    }

    private static String hashOf(ActivityEntry unsealed) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(MAPPER.writeValueAsBytes(unsealed)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Writes the entries that pass the filter as CSV (RFC 4180, a header row). Cells that a
     * spreadsheet would run as a formula are prefixed with an apostrophe.
     */
    public static void writeCsv(List<ActivityEntry> entries, Predicate<ActivityEntry> filter, Writer out)
            throws IOException {
        Csv.writeRow(out, CSV_HEADER);
        for (ActivityEntry e : entries) {
            if (filter.test(e)) {
                Csv.writeRow(out, new String[] {e.time() == null ? "" : e.time().toString(), e.operator(), e.profile(),
                        e.action(), e.identityId(), e.outcomeCode(), e.requestId(), e.message()});
            }
        }
        out.flush();
    }
}
