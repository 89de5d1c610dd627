package dev.accountconsole.account;

/**
 * A successful call's value with what a support ticket quotes.
 *
 * @param requestId the server's request id
 * @param elapsedMillis wall time of the call, retries included
 */
public record Result<T>(T value, String requestId, long elapsedMillis) {
}
