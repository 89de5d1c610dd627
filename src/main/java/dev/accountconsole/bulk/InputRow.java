package dev.accountconsole.bulk;

import dev.accountconsole.account.FieldError;

/**
 * One parsed input value, before any call.
 *
 * @param number 1-based, counting only non-blank values (a CSV header is not counted)
 * @param value normalized: trimmed, phones without {@code +86} and separators
 * @param problem why the value cannot be sent, or null
 * @param duplicateOf the earlier row with the same value, or null
 */
public record InputRow(int number, String input, InputKind kind, String value, FieldError problem,
                       Integer duplicateOf) {
}
