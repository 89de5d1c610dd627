package dev.accountconsole.bulk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * One input row and what became of it; a job file holds one per row, rewritten after every change.
 *
 * @param number the row's 1-based position in the input, as the operator counts it
 * @param input the text as given
 * @param value the normalized value: the identityId, or the phone's digits without {@code +86}
 * @param identityId the account acted on: the value for identityId rows, the resolved id for phones
 * @param outcome why the row is in its state; null while pending
 * @param code the business code, {@code HTTP nnn}, a transport kind ({@code TIMEOUT}) or a
 *     validation key; null on success
 * @param message the backend's text, localized when the gateway gave it; null when it gave none
 * @param args values for the outcome's or the validation key's placeholders
 * @param requestId the id to quote for the call that decided the row (for a settled write, the write's)
 * @param time when the row last changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RowResult(int number, String input, InputKind kind, String value, String identityId, RowState state,
                        Outcome outcome, String code, String message, List<String> args, String requestId,
                        Instant time) {

    public RowResult {
        args = args == null ? List.of() : List.copyOf(args);
    }

    static RowResult pending(InputRow row) {
        if (row.problem() != null) {
            return new RowResult(row.number(), row.input(), row.kind(), row.value(), null, RowState.SKIPPED,
                    Outcome.INVALID_INPUT, row.problem().key(),
                    null, row.problem().args().stream().map(String::valueOf).toList(), null, null);
        }
        String id = row.kind() == InputKind.IDENTITY_ID ? row.value() : null;
        if (row.duplicateOf() != null) {
            return new RowResult(row.number(), row.input(), row.kind(), row.value(), id, RowState.SKIPPED,
                    Outcome.DUPLICATE, null, null, List.of(String.valueOf(row.duplicateOf())), null, null);
        }
        return new RowResult(row.number(), row.input(), row.kind(), row.value(), id, RowState.PENDING,
                null, null, null, List.of(), null, null);
    }

    RowResult with(RowState newState, Outcome newOutcome, String newCode, String newMessage, List<String> newArgs,
                   String newRequestId, Instant when) {
        return new RowResult(number, input, kind, value, identityId, newState, newOutcome, newCode, newMessage,
                newArgs, newRequestId, when);
    }

    RowResult withIdentityId(String id) {
        return new RowResult(number, input, kind, value, id, state, outcome, code, message, args, requestId, time);
    }
}
