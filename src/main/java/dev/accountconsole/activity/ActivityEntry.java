package dev.accountconsole.activity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One write the operator made, whatever its outcome, or one reveal of personal data.
 *
 * @param action the operation, e.g. {@code freeze}, {@code register}, {@code modify}, {@code reveal}
 * @param outcomeCode {@code 200} on success; the business code, {@code HTTP 400}, or a transport
 *     kind such as {@code TIMEOUT} otherwise
 * @param message what the operator was told, in their language at the time
 * @param before the account's fields before the change, personal data masked; empty when unknown
 * @param after the account's fields after the change, masked; empty when unknown
 * @param prevHash the previous entry's {@code hash} (64 zeros for the first entry)
 * @param hash SHA-256 over this entry's other fields: set by {@link ActivityLog#append}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityEntry(Instant time, String operator, String profile, String action, String identityId,
                           String outcomeCode, String requestId, String message,
                           Map<String, String> before, Map<String, String> after,
                           String prevHash, String hash) {

    public ActivityEntry {
        before = before == null ? Map.of() : new TreeMap<>(before);
        after = after == null ? Map.of() : new TreeMap<>(after);
    }

    /** An entry without field snapshots; the log fills in the chain. */
    public ActivityEntry(Instant time, String operator, String profile, String action, String identityId,
                         String outcomeCode, String requestId, String message) {
        this(time, operator, profile, action, identityId, outcomeCode, requestId, message, null, null, null, null);
    }

    /** The same entry with before/after snapshots. */
    public ActivityEntry withSnapshots(Map<String, String> beforeFields, Map<String, String> afterFields) {
        return new ActivityEntry(time, operator, profile, action, identityId, outcomeCode, requestId, message,
                beforeFields, afterFields, prevHash, hash);
    }

    ActivityEntry chained(String previous, String own) {
        return new ActivityEntry(time, operator, profile, action, identityId, outcomeCode, requestId, message,
                before, after, previous, own);
    }

    /** Equal in content, whatever the chain fields say. */
    public boolean sameContent(ActivityEntry other) {
        return chained(null, null).equals(other.chained(null, null));
    }
}
