package dev.accountconsole.activity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * One write the operator made, whatever its outcome.
 *
 * @param action the operation, e.g. {@code freeze}, {@code register}, {@code modify}
 * @param outcomeCode {@code 200} on success; the business code, {@code HTTP 400}, or a transport
 *     kind such as {@code TIMEOUT} otherwise
 * @param message what the operator was told, in their language at the time
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActivityEntry(Instant time, String operator, String profile, String action, String identityId,
                           String outcomeCode, String requestId, String message) {
}
