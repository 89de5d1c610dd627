package dev.accountconsole.bulk;

/**
 * What a running job reports. Called on the job's worker thread (or its helpers, with a concurrency
 * above one), never on a UI thread, and one call at a time: a view hands the values over to its own
 * thread. Calls must return quickly, and may call {@link BulkRun#pause()} or {@link BulkRun#cancel()}.
 * A dry run calls on the thread that runs it.
 */
public interface BulkListener {
    /** After a row changed and the job file was written. */
    default void rowUpdated(RowResult row, Progress progress) {
    }

    default void stateChanged(RunState state, Progress progress) {
    }

    BulkListener NONE = new BulkListener() {
    };
}
