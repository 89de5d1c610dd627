package dev.accountconsole.bulk;

/** Where a row stands. Only PENDING rows are ever sent; OUTCOME_UNKNOWN rows are only re-read. */
public enum RowState {
    PENDING("bulk.state.pending"),
    SUCCEEDED("bulk.state.succeeded"),
    FAILED("bulk.state.failed"),
    /** A write whose answer was lost: it may or may not have been applied. */
    OUTCOME_UNKNOWN("bulk.state.outcomeUnknown"),
    SKIPPED("bulk.state.skipped");

    private final String key;

    RowState(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
