package dev.accountconsole.bulk;

/** The job is already running, in this console or in another one. */
public final class JobBusyException extends IllegalStateException {
    private final String jobId;

    public JobBusyException(String jobId) {
        super("job " + jobId + " is already running");
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
