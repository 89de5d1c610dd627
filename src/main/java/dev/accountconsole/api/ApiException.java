package dev.accountconsole.api;

/**
 * A call that did not succeed. Three kinds, each its own subtype: {@link GatewayException} (the
 * gateway refused the request), {@link BusinessException} (the API answered with a code other than
 * 200) and {@link TransportException} (no answer: timeout, refused connection, TLS, cancellation).
 *
 * <p>Each carries what a support ticket needs: the operation, the request id the client sent, the
 * request id the server answered with (when there was an answer) and the elapsed time.
 */
public abstract sealed class ApiException extends Exception
        permits GatewayException, BusinessException, TransportException {

    private final ApiOperation operation;
    private final String clientRequestId;
    private final String serverRequestId;
    private final long elapsedMillis;

    protected ApiException(String message, ApiOperation operation, String clientRequestId,
                           String serverRequestId, long elapsedMillis, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.clientRequestId = clientRequestId;
        this.serverRequestId = serverRequestId;
        this.elapsedMillis = elapsedMillis;
    }

    public ApiOperation operation() {
        return operation;
    }

    /** The envelope id this client sent. */
    public String clientRequestId() {
        return clientRequestId;
    }

    /** The id the server answered with ({@code X-Ca-Request-Id}); null when no answer came. */
    public String serverRequestId() {
        return serverRequestId;
    }

    /** The id to quote: the server's when there is one, else the one this client sent. */
    public String requestId() {
        return serverRequestId != null ? serverRequestId : clientRequestId;
    }

    public long elapsedMillis() {
        return elapsedMillis;
    }
}
