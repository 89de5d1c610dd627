package dev.accountconsole.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer (envelope code 200).
 *
 * @param data the envelope's {@code data}; a missing node when the API sent none
 * @param requestId the server's id ({@code X-Ca-Request-Id}, or the envelope id), the one to quote
 * @param clientRequestId the envelope id this client sent
 * @param elapsedMillis wall time of the whole call, retries included
 * @param attempts how many HTTP exchanges it took (more than one only for retried reads)
 */
public record ApiResponse(ApiOperation operation, JsonNode data, String requestId, String clientRequestId,
                          long elapsedMillis, int attempts) {
}
