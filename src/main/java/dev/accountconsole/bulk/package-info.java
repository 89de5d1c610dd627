/**
 * The bulk job engine behind the console's "Bulk jobs" view; no JavaFX here.
 *
 * <p>The flow a view drives: {@link dev.accountconsole.bulk.BulkInput} parses a CSV file or pasted
 * text into rows; {@link dev.accountconsole.bulk.BulkJobs#create} saves a job;
 * {@link dev.accountconsole.bulk.BulkEngine#dryRun} says what would happen to each row;
 * {@link dev.accountconsole.bulk.BulkEngine#start} runs it on a worker thread and returns a
 * {@link dev.accountconsole.bulk.BulkRun} to pause, resume or cancel; progress and row changes arrive
 * through a {@link dev.accountconsole.bulk.BulkListener} on the worker thread;
 * {@link dev.accountconsole.bulk.BulkReport} exports the per-row report. After a restart,
 * {@link dev.accountconsole.bulk.BulkJobs#listUnfinished} finds the jobs to resume.
 */
package dev.accountconsole.bulk;
