package dev.accountconsole.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityLogTest {
    @TempDir
    Path dir;

    private static ActivityEntry entry(String action, String id) {
        return new ActivityEntry(Instant.parse("2026-11-23T10:00:00Z"), "ann", "Sandbox", action, id, "200",
                "req-1", "Frozen, \"ok\"");
    }

    @Test
    void entriesSurviveReopeningAndDamagedLinesAreSkipped() throws Exception {
        new ActivityLog(dir).append(entry("freeze", "id1"));
        Files.writeString(dir.resolve("activity.jsonl"), "{not json\n", StandardOpenOption.APPEND);
        new ActivityLog(dir).append(entry("unfreeze", "id2"));
        List<ActivityEntry> all = new ActivityLog(dir).readAll();
        assertThat(all).extracting(ActivityEntry::action).containsExactly("freeze", "unfreeze");
        assertThat(all.get(0).sameContent(entry("freeze", "id1"))).isTrue();
        assertThat(new ActivityLog(dir).verify()).satisfies(v -> {
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAtLine()).isEqualTo(2);
            assertThat(v.reason()).isEqualTo("damaged");
        });
    }

    private ActivityLog logWith(int n) throws Exception {
        ActivityLog log = new ActivityLog(dir);
        for (int i = 0; i < n; i++) {
            log.append(entry("freeze", "id" + i).withSnapshots(java.util.Map.of("frozen", "false"),
                    java.util.Map.of("frozen", "true")));
        }
        return log;
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(dir.resolve("activity.jsonl")));
    }

    private void rewrite(List<String> lines) throws Exception {
        Files.write(dir.resolve("activity.jsonl"), lines);
    }

    @Test
    void anIntactChainVerifiesAndKeepsSnapshots() throws Exception {
        ActivityLog log = logWith(5);
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.verify().entries()).isEqualTo(5);
        assertThat(log.readAll().get(4).after()).containsEntry("frozen", "true");
        assertThat(log.readAll().get(1).prevHash()).isEqualTo(log.readAll().get(0).hash());
    }

    @Test
    void anEditedLineIsDetected() throws Exception {
        ActivityLog log = logWith(4);
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"freeze\"", "\"unfreeze\""));
        rewrite(lines);
        ActivityLog.Verification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAtLine()).isEqualTo(3);
        assertThat(v.reason()).isEqualTo("edited");
    }

    @Test
    void aDeletedLineIsDetected() throws Exception {
        ActivityLog log = logWith(4);
        List<String> lines = lines();
        lines.remove(1);
        rewrite(lines);
        assertThat(log.verify().reason()).isEqualTo("missing");
        assertThat(log.verify().brokenAtLine()).isEqualTo(2);
    }

    @Test
    void aDeletedLastLineIsDetected() throws Exception {
        ActivityLog log = logWith(3);
        List<String> lines = lines();
        lines.remove(2);
        rewrite(lines);
        assertThat(log.verify().reason()).isEqualTo("truncated");
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                new ActivityLog(dir).append(entry("freeze", "id" + n));
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(new ActivityLog(dir).readAll()).hasSize(200);
    }

    @Test
    void csvIsQuotedAndFormulaSafe() throws Exception {
        StringWriter out = new StringWriter();
        ActivityLog.writeCsv(List.of(entry("freeze", "=cmd|calc"), entry("register", "id2")),
                e -> e.action().equals("freeze"), out);
        assertThat(out.toString()).isEqualTo(
                "time,operator,profile,action,identityId,outcomeCode,requestId,message\r\n"
                + "2026-11-23T10:00:00Z,ann,Sandbox,freeze,'=cmd|calc,200,req-1,\"Frozen, \"\"ok\"\"\"\r\n");
    }
}
