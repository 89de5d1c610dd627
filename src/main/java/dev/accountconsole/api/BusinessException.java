package dev.accountconsole.api;

/** The API answered with an envelope whose {@code code} is not 200. */
public final class BusinessException extends ApiException {
    private final int code;
    private final String apiMessage;
    private final String localizedMessage;

    public BusinessException(ApiOperation operation, int code, String apiMessage, String localizedMessage,
                             String clientRequestId, String serverRequestId, long elapsedMillis) {
        super("code " + code + (apiMessage == null ? "" : " " + apiMessage),
                operation, clientRequestId, serverRequestId, elapsedMillis, null);
        this.code = code;
        this.apiMessage = apiMessage;
        this.localizedMessage = localizedMessage;
    }

    public int code() {
        return code;
    }

    /** The envelope's {@code message}: backend text, English or Chinese. */
    public String apiMessage() {
        return apiMessage;
    }

    /** The envelope's {@code localizedMsg} in the requested language, or null. */
    public String localizedMsg() {
        return localizedMessage;
    }

    /** IoT-layer codes that mean "try again later" for a read (429, 503). */
    public boolean isTransient() {
        return code == 429 || code == 503;
    }
}
