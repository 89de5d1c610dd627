package dev.accountconsole.cli;

import dev.accountconsole.account.FieldError;
import dev.accountconsole.account.InvalidInputException;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.api.GatewayException;
import dev.accountconsole.api.TransportException;
import dev.accountconsole.i18n.Messages;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns a failed item into its one stderr line and exit status. Codes and statuses are passed to
 * the bundle as strings so that {@code MessageFormat} does not print 2405 as "2,405".
 */
final class Failures {
    private final Locale locale;

    Failures(Locale locale) {
        this.locale = locale;
    }

    /** @param subject what failed, e.g. {@code freeze 505fop...}; names the item in a bulk run */
    Outcome of(String subject, Exception e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid(subject, invalid);
        }
        if (e instanceof BusinessException b) {
            String localized = b.localizedMsg() == null ? ""
                    : text("cli.failure.localized", b.localizedMsg());
            return Outcome.failure(ExitStatus.BUSINESS, text("cli.failure.business", subject,
                    String.valueOf(b.code()), orNone(b.apiMessage()), localized, orNone(b.requestId())));
        }
        if (e instanceof GatewayException g) {
            return Outcome.failure(ExitStatus.GATEWAY, text("cli.failure.gateway", subject,
                    String.valueOf(g.httpStatus()), orNone(g.errorMessage()), orNone(g.requestId())));
        }
        if (e instanceof TransportException t) {
            return Outcome.failure(ExitStatus.TRANSPORT, transport(subject, t));
        }
        return Outcome.failure(ExitStatus.USAGE, text("cli.error.unexpected", subject, e.getClass().getSimpleName()));
    }

    Outcome invalid(String subject, InvalidInputException e) {
        String details = e.errors().stream().map(this::describe).collect(Collectors.joining("; "));
        return Outcome.failure(ExitStatus.USAGE, text("cli.failure.invalid", subject, details));
    }

    String describe(FieldError error) {
        return Messages.describe(locale, error);
    }

    private String transport(String subject, TransportException t) {
        String id = orNone(t.requestId());
        return switch (t.kind()) {
            case TIMEOUT -> text("cli.failure.timeout", subject, String.valueOf(t.timeoutMillis()), id);
            case CONNECTION_REFUSED -> text("cli.failure.refused", subject, id);
            case TLS -> text("cli.failure.tls", subject, id);
            case CONNECTION_LOST -> text("cli.failure.lost", subject, id);
            case BAD_RESPONSE -> text("cli.failure.badResponse", subject, id);
            case CANCELLED -> text("cli.failure.cancelled", subject, id);
        };
    }

    private String orNone(String s) {
        return s == null || s.isEmpty() ? text("cli.none") : s;
    }

    private String text(String key, Object... args) {
        return Messages.get(locale, key, args);
    }
}
