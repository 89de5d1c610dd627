package dev.accountconsole.bulk;

/**
 * Counts for a progress bar. {@code done} is every row no longer pending ({@code total - pending}).
 *
 * @param unknown rows whose write may or may not have been applied
 */
public record Progress(int total, int pending, int succeeded, int failed, int unknown, int skipped) {
    public int done() {
        return total - pending;
    }

    /** 0 to 1, for a progress bar. */
    public double fraction() {
        return total == 0 ? 1 : (double) done() / total;
    }
}
