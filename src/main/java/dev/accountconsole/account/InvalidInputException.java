package dev.accountconsole.account;

import java.util.List;
import java.util.stream.Collectors;

/** Input refused before anything was sent; each error names its field and a localizable key. */
public final class InvalidInputException extends Exception {
    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.key()).collect(Collectors.joining(", ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no errors");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
