package dev.accountconsole.bulk;

/**
 * What a running job reports. Called on the job's worker thread, never on a UI thread: a view hands
 * the values over to its own thread. Calls must return quickly, and may call
 * {@link BulkRun#pause()} or {@link BulkRun#cancel()}.
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
