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
        assertThat(all.get(0)).isEqualTo(entry("freeze", "id1"));
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
