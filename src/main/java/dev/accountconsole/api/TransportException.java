package dev.accountconsole.api;

/** No usable answer: the call timed out, could not connect, failed TLS, was cut, or was cancelled. */
public final class TransportException extends ApiException {

    /** What went wrong on the way. */
    public enum Kind { TIMEOUT, CONNECTION_REFUSED, TLS, CONNECTION_LOST, CANCELLED, BAD_RESPONSE }

    private final Kind kind;
    private final long timeoutMillis;

    public TransportException(ApiOperation operation, Kind kind, long timeoutMillis, String clientRequestId,
                              long elapsedMillis, Throwable cause) {
        super(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (kind == Kind.TIMEOUT ? " after " + timeoutMillis + " ms" : ""),
                operation, clientRequestId, null, elapsedMillis, cause);
        this.kind = kind;
        this.timeoutMillis = timeoutMillis;
    }

    public Kind kind() {
        return kind;
    }

    /** The call's time budget. */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** A write that failed this way may or may not have been applied. */
    public boolean outcomeUnknown() {
        return kind == Kind.TIMEOUT || kind == Kind.CONNECTION_LOST || kind == Kind.BAD_RESPONSE;
    }
}
