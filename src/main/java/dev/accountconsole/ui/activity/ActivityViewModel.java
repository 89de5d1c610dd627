package dev.accountconsole.ui.activity;

import dev.accountconsole.account.InvalidInputException;
import dev.accountconsole.activity.ActivityEntry;
import dev.accountconsole.activity.ActivityLog;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.api.GatewayException;
import dev.accountconsole.api.TransportException;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.common.BackgroundTask;
import dev.accountconsole.ui.common.CsvExport;
import dev.accountconsole.ui.common.ErrorPresenter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The operator's writes (register, modify, freeze, unfreeze, unregister) with their outcomes: shown
 * newest first, filtered by any text, exported as CSV. Entries are appended to the on-disk
 * {@link ActivityLog} off the JavaFX thread.
 */
public final class ActivityViewModel {
    private static final System.Logger LOG = System.getLogger(ActivityViewModel.class.getName());

    private final ConsoleSession session;
    private final java.nio.file.Path dataDir;
    private ActivityLog log;
    private final ObservableList<ActivityEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<ActivityEntry> filtered = new FilteredList<>(entries);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyObjectWrapper<ActivityLog.Verification> verification =
            new ReadOnlyObjectWrapper<>(this, "verification");
    private boolean loaded;

    public ActivityViewModel(ConsoleSession session) {
        this.session = session;
        this.dataDir = session.dirs().data();
        filter.addListener((obs, o, n) -> filtered.setPredicate(matching(n)));
    }

    // Commands

    /** Reads the log once, in the background; later entries are added as they happen. */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        BackgroundTask.wrap(c -> log().readAll())
                .onSuccess(this::merge)
                .onFailure(e -> status.set(session.text("activity.readFailed", e.getMessage())))
                .executeWith(session.executor());
    }

    /**
     * Opened on first use, on a worker thread: the log's JSON mapper loads some hundred classes,
     * which must not delay the first window.
     */
    private synchronized ActivityLog log() {
        if (log == null) {
            log = new ActivityLog(dataDir);
        }
        return log;
    }

    /** Entries recorded before the log was read may already be in it: each is shown once. */
    private void merge(List<ActivityEntry> fromDisk) {
        List<ActivityEntry> merged = new ArrayList<>(fromDisk);
        Set<List<Object>> known = new HashSet<>();
        fromDisk.forEach(e -> known.add(identity(e)));
        for (int i = entries.size() - 1; i >= 0; i--) {
            ActivityEntry e = entries.get(i);
            if (!known.contains(identity(e))) {
                merged.add(e);
            }
        }
        // Newest first underneath too: two writes in the same second tie in the time column, and the
        // table's stable sort then keeps this order.
        java.util.Collections.reverse(merged);
        entries.setAll(merged);
    }

    /** The log adds its hash chain when it writes, so an entry is recognised by what the console set. */
    private static List<Object> identity(ActivityEntry e) {
        return java.util.Arrays.asList(e.time(), e.action(), e.identityId(), e.requestId(), e.outcomeCode());
    }

    public void recordSuccess(String action, String identityId, String requestId, String message) {
        record(action, identityId, "200", requestId, message, Map.of(), Map.of());
    }

    /** A write that succeeded, with the account's masked fields before and after it. */
    public void recordSuccess(String action, String identityId, String requestId, String message,
                              Map<String, String> before, Map<String, String> after) {
        record(action, identityId, "200", requestId, message, before, after);
    }

    /**
     * A write whose answer was lost, after the account was re-read: the message says whether it was
     * applied; the code keeps how the answer was lost.
     */
    public void recordUnknown(String action, String identityId, TransportException lost, String message,
                              Map<String, String> before, Map<String, String> after) {
        record(action, identityId, "UNKNOWN " + lost.kind().name(), lost.requestId(), message, before, after);
    }

    /** Personal data shown in full: the field and the operator's reason, never the value. */
    public void recordReveal(String identityId, String field, String reason) {
        record("reveal", identityId, null, null, session.text("support.reveal.logged", field, reason),
                Map.of(), Map.of());
    }

    /** A failed write; input refused before sending is not a write and is not recorded. */
    public void recordFailure(String action, String identityId, Exception failure) {
        recordFailure(action, identityId, failure, Map.of());
    }

    /** A failed write, with the account's masked fields as they were before it. */
    public void recordFailure(String action, String identityId, Exception failure, Map<String, String> before) {
        if (failure instanceof InvalidInputException) {
            return;
        }
        String code;
        if (failure instanceof BusinessException b) {
            code = String.valueOf(b.code());
        } else if (failure instanceof GatewayException g) {
            code = "HTTP " + g.httpStatus();
        } else if (failure instanceof TransportException t) {
            code = t.kind().name();
        } else {
            code = "ERROR";
        }
        var problem = ErrorPresenter.present(failure, session.locale());
        record(action, identityId, code, problem.requestId(), problem.message(), before, Map.of());
    }

    /**
     * What became of one bulk row's write, as the job reports it. A write whose answer was lost has
     * two entries: the loss, then what re-reading the account showed.
     */
    public void recordBulkWrite(String action, String identityId, String code, String requestId, String message) {
        record(action, identityId, code, requestId, message, null, null);
    }

    private void record(String action, String identityId, String code, String requestId, String message,
                        Map<String, String> before, Map<String, String> after) {
        ActivityEntry entry = new ActivityEntry(Instant.now(), session.operator(), session.profileProperty().get().name(),
                action, identityId, code, requestId, message).withSnapshots(before, after);
        entries.add(0, entry);
        BackgroundTask.wrap(c -> {
            log().append(entry);
            return entry;
        }).onFailure(e -> {
            LOG.log(System.Logger.Level.ERROR, "Could not record activity", e);
            status.set(session.text("activity.writeFailed", e.getMessage()));
        }).executeWith(session.executor());
    }

    /** Re-checks the whole hash chain on disk, in the background. */
    public void verify() {
        verification.set(null);
        BackgroundTask.wrap(c -> log().verify())
                .onSuccess(verification::set)
                .onFailure(e -> status.set(session.text("activity.readFailed", e.getMessage())))
                .executeWith(session.executor());
    }

    /** What the last verification found, in the operator's language; null before any. */
    public String verificationText() {
        ActivityLog.Verification v = verification.get();
        if (v == null) {
            return null;
        }
        if (v.intact()) {
            return session.text("support.verify.intact", v.entries());
        }
        String reason = switch (v.reason()) {
            case "damaged" -> session.text("support.verify.damaged");
            case "edited" -> session.text("support.verify.edited");
            case "missing" -> session.text("support.verify.missing");
            default -> session.text("support.verify.truncated");
        };
        return session.text("support.verify.broken", v.brokenAtLine(), reason);
    }

    /** Writes what the filter shows, as CSV. */
    public void exportCsv(Path target) {
        List<ActivityEntry> snapshot = List.copyOf(filtered);
        CsvExport.to(target, w -> {
            ActivityLog.writeCsv(snapshot, e -> true, w);
            return snapshot.size();
        }).onSuccess(n -> status.set(session.text("activity.exported", n, target.toString())))
                .onFailure(e -> status.set(session.text("activity.exportFailed", e.getMessage())))
                .executeWith(session.executor());
    }

    private static Predicate<ActivityEntry> matching(String text) {
        if (text == null || text.isBlank()) {
            return e -> true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return e -> contains(e.action(), needle) || contains(e.identityId(), needle) || contains(e.outcomeCode(), needle)
                || contains(e.requestId(), needle) || contains(e.profile(), needle) || contains(e.operator(), needle)
                || contains(e.message(), needle);
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

    // Properties

    /** The entries the filter matches, in the log's order: the view sorts them as its table says. */
    public ObservableList<ActivityEntry> entries() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<ActivityLog.Verification> verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
