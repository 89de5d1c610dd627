package dev.accountconsole.bulk;

import java.util.concurrent.CompletableFuture;

/**
 * A job being run on its worker thread. Every method is thread-safe and returns at once.
 *
 * <p>{@link #pause()} lets the rows in flight finish, then waits; {@link #cancel()} stops the call in
 * flight (a write stopped that way becomes OUTCOME_UNKNOWN and is settled by re-reading on the next
 * run) and ends the run, leaving pending rows pending.
 */
public final class BulkRun {
    private final BulkJob job;
    private final Control control;
    private final CompletableFuture<RunState> completion = new CompletableFuture<>();
    private volatile RunState state = RunState.RUNNING;

    BulkRun(BulkJob job, Control control) {
        this.job = job;
        this.control = control;
    }

    public BulkJob job() {
        return job;
    }

    public RunState state() {
        return state;
    }

    public Progress progress() {
        return job.progress();
    }

    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    public void cancel() {
        control.cancel();
    }

    /**
     * Completes with COMPLETED, CANCELLED or FAILED when the worker has stopped and the job file holds
     * the final state; completes exceptionally with the I/O error that made a run FAILED.
     */
    public CompletableFuture<RunState> completion() {
        return completion;
    }

    void state(RunState s) {
        state = s;
    }

    void finish(RunState s, Throwable failure) {
        state = s;
        if (failure != null) {
            completion.completeExceptionally(failure);
        } else {
            completion.complete(s);
        }
    }
}
