package dev.accountconsole.account;

import java.util.List;

/**
 * One field's problem, as a resource-bundle key (e.g. {@code validation.phone.format}) and its
 * arguments, so that every front end says it in the operator's language.
 *
 * @param field the field's name as the API spells it ({@code phone}, {@code identityIds})
 */
public record FieldError(String field, String key, List<Object> args) {
    public FieldError {
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, key, List.of(args));
    }
}
