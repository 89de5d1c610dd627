package dev.accountconsole.api;

/** The gateway layer refused the request: HTTP status other than 200, reason in {@code X-Ca-Error-Message}. */
public final class GatewayException extends ApiException {
    private final int httpStatus;
    private final String errorMessage;

    public GatewayException(ApiOperation operation, int httpStatus, String errorMessage,
                            String clientRequestId, String serverRequestId, long elapsedMillis) {
        super("HTTP " + httpStatus + (errorMessage == null ? "" : " " + errorMessage),
                operation, clientRequestId, serverRequestId, elapsedMillis, null);
        this.httpStatus = httpStatus;
        this.errorMessage = errorMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The {@code X-Ca-Error-Message} header, or null when the gateway gave none. */
    public String errorMessage() {
        return errorMessage;
    }

    /** True for answers worth retrying a read on: 503 and the rate limit. */
    public boolean isTransient() {
        return httpStatus == 503 || httpStatus == 429
                || (httpStatus == 403 && "Request Limited".equalsIgnoreCase(errorMessage));
    }

    /** True when the gateway rejected the signature (wrong secret, tampered request, clock). */
    public boolean isSignatureProblem() {
        return errorMessage != null && (errorMessage.startsWith("Invalid Signature")
                || errorMessage.equals("Empty Signature"));
    }
}
