package dev.accountconsole.ui.common;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.api.GatewayClient;

/** Reading an account again after a write whose answer was lost. */
public final class Rereads {
    /** The gateway was just slow: the re-read gets a generous budget, at least this. */
    public static final long MIN_REREAD_MILLIS = 10_000;

    private Rereads() {
    }

    /** The same profile with three times its timeout, and at least {@link #MIN_REREAD_MILLIS}. */
    public static AccountService patient(AccountService service) {
        var settings = service.client().settings();
        return new AccountService(new GatewayClient(
                settings.withTimeoutMillis(Math.max(MIN_REREAD_MILLIS, 3 * settings.timeoutMillis()))));
    }
}
