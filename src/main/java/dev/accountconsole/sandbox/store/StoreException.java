package dev.accountconsole.sandbox.store;

/** The database failed (disk full, corrupt file, lock timeout): the sandbox's fault, not the caller's. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
