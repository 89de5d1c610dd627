package dev.accountconsole.ui.common;

/** An action was asked for before the active profile had a working connection (sandbox still starting). */
public final class NotConnectedException extends Exception {
    public NotConnectedException(String reason) {
        super(reason);
    }
}
