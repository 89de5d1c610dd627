package dev.accountconsole.bulk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bulk job: the action, the profile it runs under and one {@link RowResult} per input row, kept on
 * disk by {@link BulkJobs}.
 *
 * <p>Thread-safe: the worker changes rows while a view reads snapshots.
 */
public final class BulkJob {
    private final String jobId;
    private final BulkAction action;
    private final String profile;
    private final Instant createdAt;
    private final List<RowResult> rows;
    /** Which snapshot of the job file the journal of row changes continues. */
    private long generation;

    BulkJob(String jobId, BulkAction action, String profile, Instant createdAt, List<RowResult> rows) {
        this.jobId = Objects.requireNonNull(jobId);
        this.action = Objects.requireNonNull(action);
        this.profile = profile;
        this.createdAt = createdAt;
        this.rows = new ArrayList<>(rows);
        for (int i = 0; i < this.rows.size(); i++) {
            if (this.rows.get(i).number() != i + 1) {
                throw new IllegalArgumentException("rows must be numbered 1..n in order");
            }
        }
    }

    public String jobId() {
        return jobId;
    }

    public BulkAction action() {
        return action;
    }

    /** The name of the profile whose credentials the job runs with. */
    public String profile() {
        return profile;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** A snapshot of every row, in input order. */
    public synchronized List<RowResult> rows() {
        return List.copyOf(rows);
    }

    public synchronized RowResult row(int number) {
        return rows.get(number - 1);
    }

    public synchronized int size() {
        return rows.size();
    }

    public synchronized Progress progress() {
        int pending = 0;
        int succeeded = 0;
        int failed = 0;
        int unknown = 0;
        int skipped = 0;
        for (RowResult r : rows) {
            switch (r.state()) {
                case PENDING -> pending++;
                case SUCCEEDED -> succeeded++;
                case FAILED -> failed++;
                case OUTCOME_UNKNOWN -> unknown++;
                case SKIPPED -> skipped++;
            }
        }
        return new Progress(rows.size(), pending, succeeded, failed, unknown, skipped);
    }

    /** True when no row is pending and no write awaits settling. */
    public synchronized boolean isFinished() {
        return rows.stream().noneMatch(r -> r.state() == RowState.PENDING || r.state() == RowState.OUTCOME_UNKNOWN);
    }

    /** Puts FAILED rows back to PENDING; see {@link BulkJobs#requeueFailed(BulkJob)}. */
    synchronized int requeueFailed() {
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            RowResult r = rows.get(i);
            if (r.state() == RowState.FAILED) {
                String id = r.kind() == InputKind.IDENTITY_ID ? r.value() : null;
                rows.set(i, r.withIdentityId(id).with(RowState.PENDING, null, null, null, List.of(), null, null));
                n++;
            }
        }
        return n;
    }

    synchronized long generation() {
        return generation;
    }

    synchronized void generation(long g) {
        generation = g;
    }

    /** Takes the rows and generation of a fresher copy of the same job. */
    void refreshFrom(BulkJob fresh) {
        if (!fresh.jobId.equals(jobId) || fresh.size() != size()) {
            throw new IllegalArgumentException("not the same job");
        }
        List<RowResult> freshRows = fresh.rows();
        long freshGeneration = fresh.generation();
        synchronized (this) {
            rows.clear();
            rows.addAll(freshRows);
            generation = freshGeneration;
        }
    }

    synchronized void update(RowResult row) {
        rows.set(row.number() - 1, row);
    }

    /** The first row before {@code number} that is not skipped and names the same account, or null. */
    synchronized Integer earlierRowFor(String identityId, int number) {
        for (RowResult r : rows.subList(0, number - 1)) {
            if (r.state() != RowState.SKIPPED && identityId.equals(r.identityId())) {
                return r.number();
            }
        }
        return null;
    }
}
