package dev.accountconsole.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkJobsTest {
    @TempDir
    Path dir;

    @Test
    void aJobFileKeepsActionProfileInputAndRowStatesAcrossInstances() throws Exception {
        BulkJobs jobs = new BulkJobs(dir, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        BulkJob job = jobs.create(BulkAction.UNREGISTER, "Production", BulkInput.parseText("idA 13800001111 idA"));
        job.update(job.row(1).with(RowState.SUCCEEDED, Outcome.UNREGISTERED, null, null, List.of(), "srv-9",
                Instant.parse("2026-11-23T10:01:00Z")));
        jobs.save(job);

        BulkJob loaded = new BulkJobs(dir).load(job.jobId());

        assertThat(loaded.action()).isEqualTo(BulkAction.UNREGISTER);
        assertThat(loaded.profile()).isEqualTo("Production");
        assertThat(loaded.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(loaded.rows()).isEqualTo(job.rows());
        assertThat(loaded.row(3).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(Files.getPosixFilePermissions(jobs.folder().resolve(job.jobId() + ".json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void listUnfinishedSkipsFinishedJobsAndDamagedFiles() throws Exception {
        BulkJobs jobs = new BulkJobs(dir);
        BulkJob open = jobs.create(BulkAction.FREEZE, "p", BulkInput.parseText("idA"));
        BulkJob done = jobs.create(BulkAction.FREEZE, "p", BulkInput.parseText("idB"));
        done.update(done.row(1).with(RowState.FAILED, Outcome.NOT_FOUND, null, null, List.of(), "r", null));
        jobs.save(done);
        Files.writeString(jobs.folder().resolve("0123456789abcdef0123456789abcdef.json"), "{damaged");

        assertThat(jobs.list()).hasSize(2);
        assertThat(jobs.listUnfinished()).extracting(BulkJob::jobId).containsExactly(open.jobId());
    }

    @Test
    void rowChangesAreJournaledAndATornLastLineIsIgnored() throws Exception {
        BulkJobs jobs = new BulkJobs(dir);
        BulkJob job = jobs.create(BulkAction.FREEZE, "p", BulkInput.parseText("idA idB idC"));
        RowResult first = job.row(1).with(RowState.SUCCEEDED, Outcome.FROZEN, null, null, List.of(), "r1", null);
        job.update(first);
        jobs.append(job, first);
        Path journal = jobs.folder().resolve(job.jobId() + ".1.jsonl");
        Files.writeString(journal, "{\"number\":2,\"state\":\"SUCC", java.nio.file.StandardOpenOption.APPEND);

        BulkJob loaded = jobs.load(job.jobId());

        assertThat(loaded.rows()).extracting(RowResult::state)
                .containsExactly(RowState.SUCCEEDED, RowState.PENDING, RowState.PENDING);
        assertThat(Files.getPosixFilePermissions(journal)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        jobs.save(loaded);
        assertThat(journal).doesNotExist();
        assertThat(jobs.load(job.jobId()).rows()).isEqualTo(loaded.rows());

        jobs.delete(loaded);
        assertThat(jobs.list()).isEmpty();
        assertThat(jobs.folder()).isEmptyDirectory();
    }

    @Test
    void aJobIdThatIsNotOneOfOursIsNotAPath() {
        assertThatThrownBy(() -> new BulkJobs(dir).load("../../etc/passwd"))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
