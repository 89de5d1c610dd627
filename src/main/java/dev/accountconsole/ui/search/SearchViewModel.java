package dev.accountconsole.ui.search;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.FieldError;
import dev.accountconsole.account.IdentityQuery;
import dev.accountconsole.account.LookupRecognizer;
import dev.accountconsole.account.Result;
import dev.accountconsole.account.Validation;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.activity.Csv;
import dev.accountconsole.account.Masking;
import dev.accountconsole.ui.common.BackgroundTask;
import dev.accountconsole.ui.common.CallRecord;
import dev.accountconsole.ui.common.CsvExport;
import java.nio.file.Path;
import dev.accountconsole.ui.common.ErrorPresenter;
import dev.accountconsole.ui.common.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Search: what the operator typed in each mode (kept when they switch modes or views), the checks
 * as they type, the running call and its results.
 */
public final class SearchViewModel {
    /** The code identity/query answers when nothing matches: an empty result, not an error. */
    private static final int NOT_FOUND = 2405;

    private final ConsoleSession session;
    private BackgroundTask<?> running;
    private CallRecord lastCall;

    // Properties
    private final ObjectProperty<SearchMode> mode = new SimpleObjectProperty<>(this, "mode", SearchMode.PHONE);
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty loginId = new SimpleStringProperty(this, "loginId", "");
    private final StringProperty loginSource = new SimpleStringProperty(this, "loginSource", "openAccount");
    private final StringProperty identityIds = new SimpleStringProperty(this, "identityIds", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ObservableList<Account> results = FXCollections.observableArrayList();
    private final StringBinding inputError;
    private final BooleanBinding canSearch;

    public SearchViewModel(ConsoleSession session) {
        this.session = session;
        inputError = Bindings.createStringBinding(this::computeInputError,
                mode, phone, email, loginId, loginSource, identityIds, session.localeProperty());
        canSearch = Bindings.createBooleanBinding(() -> !busy.get() && inputError.get() == null && !inputBlank(),
                busy, inputError, mode, phone, email, loginId, loginSource, identityIds);
    }

    // Commands

    public void search() {
        if (!canSearch.get()) {
            return;
        }
        SearchMode m = mode.get();
        String phoneText = phone.get().strip();
        String emailText = email.get().strip();
        String loginIdText = loginId.get().strip();
        String loginSourceText = loginSource.get().strip();
        List<String> ids = parseIds(identityIds.get());
        run((service, c) -> switch (m) {
            case PHONE -> single(() -> service.queryIdentity(new IdentityQuery.ByPhone(phoneText), c));
            case EMAIL -> single(() -> service.queryIdentity(new IdentityQuery.ByEmail(emailText), c));
            case LOGIN_ID -> single(() -> service.queryIdentity(new IdentityQuery.ByLoginId(loginIdText, loginSourceText), c));
            case IDENTITY_IDS -> batched(service.queryIdentityListBatched(ids, c));
        });
    }

    /**
     * Runs one reading of the lookup box. A single phone, email, login or id list fills the matching
     * explicit mode first, so the operator sees what was asked and Ctrl+R repeats it.
     */
    public void lookup(LookupRecognizer.Reading reading) {
        if (busy.get()) {
            return;
        }
        if (reading instanceof LookupRecognizer.Reading.Phones ps) {
            run((service, c) -> {
                List<Account> all = new ArrayList<>();
                Found last = null;
                for (String p : ps.phones()) {
                    last = single(() -> service.queryIdentity(new IdentityQuery.ByPhone(p), c));
                    all.addAll(last.accounts());
                }
                return new Found(all, last.operation(), last.requestId(), last.elapsedMillis());
            });
            return;
        }
        if (reading instanceof LookupRecognizer.Reading.Phone p) {
            phone.set(p.phone());
            mode.set(SearchMode.PHONE);
        } else if (reading instanceof LookupRecognizer.Reading.Email e) {
            email.set(e.email());
            mode.set(SearchMode.EMAIL);
        } else if (reading instanceof LookupRecognizer.Reading.Login l) {
            loginSource.set(l.loginSource());
            loginId.set(l.loginId());
            mode.set(SearchMode.LOGIN_ID);
        } else if (reading instanceof LookupRecognizer.Reading.IdentityIds ids) {
            identityIds.set(String.join("\n", ids.identityIds()));
            mode.set(SearchMode.IDENTITY_IDS);
        }
        search();
    }

    private void run(ConsoleSession.ServiceCall<Found> call) {
        problem.set(null);
        summary.set(session.text("search.running"));
        busy.set(true);
        BackgroundTask<Found> task = session.call(call);
        running = task;
        task.onSuccess(found -> {
            session.recordRequest(found.requestId(), found.elapsedMillis());
            lastCall = CallRecord.success(found.operation(), found.requestId());
            results.setAll(found.accounts());
            summary.set(found.accounts().isEmpty() ? session.text("search.empty")
                    : session.text("search.found", found.accounts().size()));
        }).onFailure(e -> {
            lastCall = CallRecord.failure(e);
            Problem p = ErrorPresenter.present(e, session.locale());
            summary.set(p.cancelled() ? p.message() : null);
            problem.set(p.cancelled() ? null : p);
        }).onFinished(() -> {
            busy.set(false);
            running = null;
        }).executeWith(session.executor());
    }

    /** The ticket text for the last search, with the account when exactly one was found; null before any call. */
    public String ticketText() {
        if (lastCall == null) {
            return null;
        }
        Account only = lastCall.failure() == null && results.size() == 1 ? results.get(0) : null;
        return lastCall.ticket(session.locale(), session.profileProperty().get(), only);
    }

    /**
     * Writes the results as shown, phone and email masked: an export leaves the console, so it
     * carries no more personal data than the screen.
     */
    public void exportCsv(Path target) {
        List<Account> snapshot = List.copyOf(results);
        CsvExport.to(target, w -> {
            Csv.writeRow(w, "identityId", "loginName", "nickName", "phone", "email", "frozen");
            for (Account a : snapshot) {
                Csv.writeRow(w, a.identityId(), a.loginName(), a.nickName(), Masking.maskPhone(a.phone()),
                        Masking.maskEmail(a.email()), a.frozen() == null ? "" : a.frozen().toString());
            }
            return snapshot.size();
        }).onSuccess(n -> summary.set(session.text("search.exported", n, target.toString())))
                .onFailure(e -> summary.set(session.text("search.exportFailed", e.getMessage())))
                .executeWith(session.executor());
    }

    public void cancel() {
        BackgroundTask<?> t = running;
        if (t != null) {
            t.cancel();
        }
    }

    /** Shows the latest state of an account that is among the results (after a refresh or a write). */
    public void replaceResult(Account updated) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).identityId().equals(updated.identityId())) {
                results.set(i, updated);
            }
        }
    }

    /** Drops an account that no longer exists (unregistered). */
    public void removeResult(String identityId) {
        results.removeIf(a -> a.identityId().equals(identityId));
    }

    /** Splits a pasted list on commas, white space and line breaks; repeats are asked for once. */
    public static List<String> parseIds(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(new LinkedHashSet<>(Arrays.asList(text.strip().split("[,;\\s]+"))));
    }

    private interface SingleQuery {
        Result<Account> run() throws Exception;
    }

    /** The accounts found and the request that found them (the last one, for a batched list). */
    private record Found(List<Account> accounts, ApiOperation operation, String requestId, long elapsedMillis) {
    }

    private static Found single(SingleQuery query) throws Exception {
        try {
            Result<Account> r = query.run();
            return new Found(List.of(r.value()), ApiOperation.QUERY_IDENTITY, r.requestId(), r.elapsedMillis());
        } catch (BusinessException e) {
            if (e.code() == NOT_FOUND) {
                return new Found(List.of(), ApiOperation.QUERY_IDENTITY, e.requestId(), e.elapsedMillis());
            }
            throw e;
        }
    }

    private static Found batched(List<Result<List<Account>>> batches) {
        List<Account> all = new ArrayList<>();
        long total = 0;
        for (Result<List<Account>> r : batches) {
            all.addAll(r.value());
            total += r.elapsedMillis();
        }
        return new Found(all, ApiOperation.QUERY_IDENTITY_LIST, batches.get(batches.size() - 1).requestId(), total);
    }

    private boolean inputBlank() {
        return switch (mode.get()) {
            case PHONE -> phone.get().isBlank();
            case EMAIL -> email.get().isBlank();
            case LOGIN_ID -> loginId.get().isBlank() || loginSource.get().isBlank();
            case IDENTITY_IDS -> identityIds.get().isBlank();
        };
    }

    /** The first problem with what is typed, or null; an empty field is not yet a problem. */
    private String computeInputError() {
        FieldError e = switch (mode.get()) {
            case PHONE -> phone.get().isBlank() ? null : Validation.checkPhoneForLookup("phone", phone.get().strip());
            case EMAIL -> email.get().isBlank() ? null : Validation.checkEmail("email", email.get().strip());
            case LOGIN_ID -> null;
            case IDENTITY_IDS -> parseIds(identityIds.get()).stream()
                    .map(id -> Validation.checkIdentityId("identityIds", id))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        };
        return e == null ? null : ErrorPresenter.describe(session.locale(), e);
    }

    /** "120 IDs, fetched in 3 calls" for the list mode; empty otherwise. */
    public String idsHint() {
        int n = parseIds(identityIds.get()).size();
        if (n == 0) {
            return "";
        }
        int calls = (n + Validation.MAX_IDS_PER_LIST_CALL - 1) / Validation.MAX_IDS_PER_LIST_CALL;
        return session.text("search.ids.count", n, calls);
    }

    // Properties

    public ObjectProperty<SearchMode> modeProperty() {
        return mode;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty loginIdProperty() {
        return loginId;
    }

    public StringProperty loginSourceProperty() {
        return loginSource;
    }

    public StringProperty identityIdsProperty() {
        return identityIds;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<Account> results() {
        return results;
    }

    public StringBinding inputErrorBinding() {
        return inputError;
    }

    public BooleanBinding canSearchBinding() {
        return canSearch;
    }
}
