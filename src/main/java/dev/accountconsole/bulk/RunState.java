package dev.accountconsole.bulk;

/** Where a run of a job stands. */
public enum RunState {
    RUNNING,
    /** Waiting for {@link BulkRun#resume()}; the row that was in flight when pause was asked finished first. */
    PAUSED,
    /** Stopped on request; pending rows stay pending, so the job can be resumed later. */
    CANCELLED,
    /** Every row was handled (some writes may still await settling: see {@link BulkJob#isFinished()}). */
    COMPLETED,
    /** Stopped because the job file could not be written: going on would risk repeating rows after a restart. */
    FAILED
}
