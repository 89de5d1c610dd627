package dev.accountconsole.sandbox;

/**
 * The IoT-layer errors the sandbox answers with (HTTP 200, envelope {@code code}), as
 * gateway-protocol.md, sections 3 and 4, lists them. {@code message} is the backend's fixed text; the
 * localized text comes from {@code messages*.properties} in this package, keyed by the constant's name.
 */
enum ApiError {
    AUTH_ERROR(401, "request auth error."),
    FORBIDDEN(403, "request forbidden."),
    SERVICE_NOT_FOUND(404, "service not found."),
    PARAMETER_ERROR(460, "request parameter error."),
    IDENTITY_NOT_EXISTED(2405, "identity is not existed"),
    IDENTITY_IDS_COUNT(460, "identityIds need between 1-50"),
    APP_KEY_TENANT_MISMATCH(401, "app key tenant id not match"),
    EMPLOYEE_NOT_EXIST(2442, "employee is not exist"),
    INVALID_MOBILE(4004, "invalid mobile"),
    PHONE_REGISTERED(2478, "this phone has registered"),
    REGISTER_PHONE_FORMAT(2404, "手机格式不正确"),
    REGISTER_FAILED(2402, "registerAccount failed"),
    IDENTITY_ID_BLANK(460, "identityId is blank");

    final int code;
    final String message;

    ApiError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** Thrown by an API implementation to answer with this error. */
    static final class Failure extends Exception {
        final ApiError error;

        Failure(ApiError error) {
            super(error.message, null, false, false);
            this.error = error;
        }
    }

    Failure failure() {
        return new Failure(this);
    }
}
