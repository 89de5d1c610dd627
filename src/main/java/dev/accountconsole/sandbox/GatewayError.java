package dev.accountconsole.sandbox;

/**
 * The gateway-layer refusals (gateway-protocol.md, section 3): an HTTP status other than 200, the
 * reason in {@code X-Ca-Error-Message}.
 */
enum GatewayError {
    EMPTY_SIGNATURE(401, "Empty Signature"),
    INVALID_APP_KEY(400, "Invalid AppKey"),
    INVALID_SIGNATURE(400, "Invalid Signature"),
    INVALID_TIMESTAMP(400, "Invalid Timestamp"),
    TIMESTAMP_EXPIRED(400, "Timestamp Expired"),
    NONCE_USED(400, "Nonce Used"),
    INVALID_CONTENT_MD5(400, "Invalid Content-MD5"),
    REQUEST_FORMAT_ERROR(400, "Request Format Error"),
    API_NOT_FOUND(404, "API Not Found"),
    BODY_TOO_LARGE(413, "Request Body Too Large"),
    REQUEST_LIMITED(403, "Request Limited"),
    INTERNAL_ERROR(500, "Internal Error"),
    SERVICE_UNAVAILABLE(503, "Service Unavailable");

    final int status;
    final String message;

    GatewayError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    /** A refusal, with the full header text (the signature error carries the server's StringToSign). */
    static final class Rejection extends Exception {
        final GatewayError error;
        final String headerText;

        Rejection(GatewayError error, String headerText) {
            super(error.message, null, false, false);
            this.error = error;
            this.headerText = headerText;
        }
    }

    Rejection rejection() {
        return new Rejection(this, message);
    }
}
