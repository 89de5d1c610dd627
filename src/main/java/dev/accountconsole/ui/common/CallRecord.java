package dev.accountconsole.ui.common;

import dev.accountconsole.account.Account;
import dev.accountconsole.api.ApiException;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.config.Profile;
import dev.accountconsole.support.TicketText;
import java.time.Instant;
import java.util.Locale;

/**
 * The last call a page made, kept so that "Copy for ticket" describes what the operator saw, with
 * the time the call ended rather than the time of the copy.
 *
 * @param failure null when the call succeeded
 */
public record CallRecord(ApiOperation operation, String requestId, Instant time, ApiException failure) {

    public static CallRecord success(ApiOperation operation, String requestId) {
        return new CallRecord(operation, requestId, Instant.now(), null);
    }

    /** Null for a failure that sent nothing (bad input, not connected): there is nothing to quote. */
    public static CallRecord failure(Exception e) {
        return e instanceof ApiException a && a.operation() != null
                ? new CallRecord(a.operation(), a.requestId(), Instant.now(), a) : null;
    }

    public String ticket(Locale locale, Profile profile, Account account) {
        TicketText.Context ctx = new TicketText.Context(profile.name(), profile.environment().name(), time);
        return failure != null ? TicketText.forFailure(locale, ctx, failure, account)
                : TicketText.forSuccess(locale, ctx, operation, requestId, account);
    }
}
