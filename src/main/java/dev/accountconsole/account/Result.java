package dev.accountconsole.account;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful call's value with what a support ticket quotes.
 *
 * @param requestId the server's request id
 * @param elapsedMillis wall time of the call, retries included
 * @param data the response's {@code data} exactly as it came (a missing node when there was none):
 *     the CLI prints it untouched (docs/cli.md), fields this version does not model included
 */
public record Result<T>(T value, String requestId, long elapsedMillis, JsonNode data) {
}
