package dev.accountconsole.support;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.Masking;
import dev.accountconsole.api.ApiException;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.api.GatewayException;
import dev.accountconsole.api.TransportException;
import dev.accountconsole.i18n.Messages;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * "Copy for ticket": the facts a support ticket needs about one call, as plain text the operator
 * pastes unchanged: request id, API path and version, profile and environment, UTC time, outcome
 * code and message, and the account with personal data masked.
 */
public final class TicketText {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TicketText() {
    }

    /** Where and when a call was made. */
    public record Context(String profile, String environment, Instant time) {
    }

    public static String forSuccess(Locale locale, Context ctx, ApiOperation op, String requestId, Account account) {
        return build(locale, ctx, op, requestId, "200", Messages.get(locale, "ticket.outcome.ok"), account);
    }

    public static String forFailure(Locale locale, Context ctx, ApiException failure, Account account) {
        String code;
        String message;
        if (failure instanceof BusinessException b) {
            code = Integer.toString(b.code());
            message = b.localizedMsg() != null ? b.apiMessage() + " / " + b.localizedMsg() : b.apiMessage();
        } else if (failure instanceof GatewayException g) {
            code = "HTTP " + g.httpStatus();
            message = g.errorMessage();
        } else {
            TransportException t = (TransportException) failure;
            code = t.kind().name();
            message = t.getMessage();
        }
        return build(locale, ctx, failure.operation(), failure.requestId(), code, message, account);
    }

    private static String build(Locale locale, Context ctx, ApiOperation op, String requestId, String code,
                                String message, Account account) {
        StringBuilder sb = new StringBuilder();
        line(sb, locale, "ticket.requestId", requestId);
        line(sb, locale, "ticket.api", op.path() + " (apiVer " + op.apiVersion() + ")");
        line(sb, locale, "ticket.profile", ctx.profile() + " [" + ctx.environment() + "]");
        line(sb, locale, "ticket.time", UTC.format(ctx.time()));
        line(sb, locale, "ticket.outcome", code + (message == null || message.isBlank() ? "" : " " + message));
        if (account != null) {
            line(sb, locale, "ticket.identityId", account.identityId());
            line(sb, locale, "ticket.loginName", account.loginName());
            line(sb, locale, "ticket.phone", Masking.maskPhone(account.phone()));
            line(sb, locale, "ticket.email", Masking.maskEmail(account.email()));
            if (account.frozen() != null) {
                line(sb, locale, "ticket.state", Messages.get(locale,
                        account.frozen() ? "ticket.state.frozen" : "ticket.state.active"));
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, Locale locale, String labelKey, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        sb.append(Messages.get(locale, labelKey)).append(": ").append(value).append('\n');
    }
}
