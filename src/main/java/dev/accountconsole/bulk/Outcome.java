package dev.accountconsole.bulk;

/**
 * Why a row is in its state, as a bundle key ({@code bulk.outcome.*}) so that the report is shown and
 * exported in the operator's language. {@link RowResult#args()} fills the key's placeholders.
 */
public enum Outcome {
    /** Lookup: the account exists and is not frozen. */
    FOUND_ACTIVE("bulk.outcome.foundActive"),
    FOUND_FROZEN("bulk.outcome.foundFrozen"),
    /** Lookup: the account exists; the gateway does not say whether it is frozen. */
    FOUND("bulk.outcome.found"),
    WOULD_FREEZE("bulk.outcome.wouldFreeze"),
    WOULD_UNFREEZE("bulk.outcome.wouldUnfreeze"),
    WOULD_UNREGISTER("bulk.outcome.wouldUnregister"),
    ALREADY_FROZEN("bulk.outcome.alreadyFrozen"),
    ALREADY_ACTIVE("bulk.outcome.alreadyActive"),
    FROZEN("bulk.outcome.frozen"),
    UNFROZEN("bulk.outcome.unfrozen"),
    UNREGISTERED("bulk.outcome.unregistered"),
    /** The write's answer was lost, and re-reading the account (request id in arg 0) shows it applied. */
    VERIFIED_APPLIED("bulk.outcome.verifiedApplied"),
    /** The write's answer was lost, and re-reading (request id in arg 0) shows no change. */
    NOT_APPLIED("bulk.outcome.notApplied"),
    /** The write was sent and its answer lost (timeout, cut connection, cancel); not yet re-read. */
    ANSWER_LOST("bulk.outcome.answerLost"),
    /** The write is being sent; found in a job file, it means the console stopped before the answer came. */
    IN_FLIGHT("bulk.outcome.inFlight"),
    /** Re-reading cannot tell (the gateway does not report the frozen state); check by hand. */
    UNVERIFIABLE("bulk.outcome.unverifiable"),
    NOT_FOUND("bulk.outcome.notFound"),
    /** The API or the gateway refused the call; see code and message. */
    REJECTED("bulk.outcome.rejected"),
    /** The connection failed before the request could reach the gateway. */
    NOT_SENT("bulk.outcome.notSent"),
    /** Reading or resolving the account failed; nothing was written. */
    READ_FAILED("bulk.outcome.readFailed"),
    INVALID_INPUT("bulk.outcome.invalidInput"),
    /** arg 0: the row number acted on instead. */
    DUPLICATE("bulk.outcome.duplicate");

    private final String key;

    Outcome(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
