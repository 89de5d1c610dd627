package dev.accountconsole.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.accountconsole.config.FileSafety;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The job files, owner-only since they hold phone numbers. {@code <data>/jobs/<jobId>.json} is a
 * snapshot of the whole job, replaced atomically when a job is created, when a run ends and when rows
 * are requeued. Between snapshots each row change is appended to a journal,
 * {@code <jobId>.<generation>.jsonl}, and forced to disk before the run goes on: rewriting the whole
 * file after every row would cost disk traffic growing with the square of the job's size. Loading
 * replays the journal of the snapshot's generation over it; a torn last line (a crash mid-append) is
 * ignored, which loses at most the change being written.
 *
 * <p>Thread-safe.
 */
public final class BulkJobs {
    private static final System.Logger LOG = System.getLogger(BulkJobs.class.getName());
    private static final int FILE_VERSION = 1;
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    /** Jobs being run by this process; OS file locks do not keep out a second thread of the same JVM. */
    private static final Set<Path> RUNNING = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Clock clock;

    /** @param dataDir the per-user data folder ({@code AppDirs.data()}) */
    public BulkJobs(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    public BulkJobs(Path dataDir, Clock clock) {
        this.dir = dataDir.resolve("jobs");
        this.clock = clock;
    }

    public Path folder() {
        return dir;
    }

    Clock clock() {
        return clock;
    }

    /** A new job over the parsed rows, saved before it is returned. Invalid and duplicate rows start SKIPPED. */
    public BulkJob create(BulkAction action, String profile, List<InputRow> input) throws IOException {
        if (input.isEmpty()) {
            throw new IllegalArgumentException("no rows");
        }
        List<RowResult> rows = input.stream().map(RowResult::pending).toList();
        BulkJob job = new BulkJob(UUID.randomUUID().toString().replace("-", ""), action, profile,
                clock.instant(), rows);
        save(job);
        return job;
    }

    public BulkJob load(String jobId) throws IOException {
        if (!JOB_ID.matcher(jobId).matches()) {
            throw new NoSuchFileException(jobId);
        }
        JobFile f = MAPPER.readValue(Files.readAllBytes(file(jobId)), JobFile.class);
        if (f.version() != FILE_VERSION) {
            throw new IOException("job file version " + f.version() + " is not supported");
        }
        BulkJob job = new BulkJob(f.jobId(), f.action(), f.profile(), f.createdAt(), f.rows());
        job.generation(f.generation());
        replayJournal(job);
        return job;
    }

    private void replayJournal(BulkJob job) throws IOException {
        Path journal = journal(job.jobId(), job.generation());
        if (!Files.exists(journal)) {
            return;
        }
        int lineNumber = 0;
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                RowResult row = MAPPER.readValue(line, RowResult.class);
                if (row.number() >= 1 && row.number() <= job.size()) {
                    job.update(row);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "skipping damaged line {0} of {1}", lineNumber,
                        journal.getFileName());
            }
        }
    }

    /** Every readable job, newest first; a damaged file is logged and left out. */
    public List<BulkJob> list() throws IOException {
        List<BulkJob> jobs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return jobs;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                try {
                    jobs.add(load(id));
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "skipping unreadable job file {0}: {1}", name, e.toString());
                }
            }
        }
        jobs.sort(Comparator.comparing(BulkJob::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return jobs;
    }

    /** Jobs with rows still pending or writes still to settle: what a restarted console offers to resume. */
    public List<BulkJob> listUnfinished() throws IOException {
        return list().stream().filter(j -> !j.isFinished()).toList();
    }

    /**
     * Removes a job the operator no longer wants.
     *
     * @throws JobBusyException while it runs
     */
    public void delete(BulkJob job) throws IOException {
        try (RunLock ignored = lockForRun(job.jobId());
             DirectoryStream<Path> files = Files.newDirectoryStream(dir, job.jobId() + ".*json*")) {
            for (Path p : files) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(lockFile(job.jobId()));
    }

    /**
     * Puts the job's FAILED rows back to PENDING, so that the next run sends them again: the
     * operator's explicit choice, never the engine's, for a failed write is re-sent only this way.
     *
     * @return how many rows were requeued
     * @throws JobBusyException while the job runs
     */
    public int requeueFailed(BulkJob job) throws IOException {
        try (RunLock ignored = lockForRun(job.jobId())) {
            int n = job.requeueFailed();
            save(job);
            return n;
        }
    }

    /** Writes a new snapshot and drops the journal it absorbs. */
    void save(BulkJob job) throws IOException {
        long previous = job.generation();
        JobFile f = new JobFile(FILE_VERSION, job.jobId(), previous + 1, job.action(), job.profile(),
                job.createdAt(), job.rows());
        FileSafety.writeAtomically(file(job.jobId()), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(f),
                true);
        job.generation(previous + 1);
        Files.deleteIfExists(journal(job.jobId(), previous));
    }

    /** Records one row change, on disk before this returns. */
    void append(BulkJob job, RowResult row) throws IOException {
        byte[] line = (MAPPER.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
        Path journal = journal(job.jobId(), job.generation());
        FileSafety.withExclusiveLock(journal, ch -> {
            if (ch.size() == 0) {
                FileSafety.restrictToOwner(journal);
            }
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
            return null;
        });
    }

    private Path file(String jobId) {
        return dir.resolve(jobId + ".json");
    }

    private Path journal(String jobId, long generation) {
        return dir.resolve(jobId + "." + generation + ".jsonl");
    }

    private Path lockFile(String jobId) {
        return dir.resolve(jobId + ".lock");
    }

    /**
     * Claims a job for one run, in this process and across running consoles, without waiting: two
     * runs of one job could send the same write twice.
     *
     * @throws JobBusyException when another run holds it
     */
    RunLock lockForRun(String jobId) throws IOException {
        Path key = lockFile(jobId).toAbsolutePath().normalize();
        if (!RUNNING.add(key)) {
            throw new JobBusyException(jobId);
        }
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new JobBusyException(jobId);
            }
            return new RunLock(key, ch);
        } catch (IOException | RuntimeException e) {
            RUNNING.remove(key);
            throw e;
        }
    }

    /** Held for the whole of a run. */
    static final class RunLock implements AutoCloseable {
        private final Path key;
        private final FileChannel channel;

        RunLock(Path key, FileChannel channel) {
            this.key = key;
            this.channel = channel;
        }

        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                RUNNING.remove(key);
            }
        }
    }

    /** The on-disk form. */
    record JobFile(int version, String jobId, long generation, BulkAction action, String profile,
                   Instant createdAt, List<RowResult> rows) {
    }
}
