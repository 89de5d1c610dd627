package dev.accountconsole.ui.account;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.AccountChanges;
import dev.accountconsole.account.FieldError;
import dev.accountconsole.account.Result;
import dev.accountconsole.api.Secret;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.activity.ActivityViewModel;
import dev.accountconsole.ui.common.BackgroundTask;
import dev.accountconsole.ui.common.CallRecord;
import dev.accountconsole.ui.common.ErrorPresenter;
import dev.accountconsole.ui.common.Rereads;
import dev.accountconsole.ui.common.Problem;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.Masking;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.TransportException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import java.util.stream.Collectors;
import dev.accountconsole.account.Validation;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One account: loads it by identityId, refreshes it, and runs the writes on it (modify, freeze,
 * unfreeze, unregister), recording each outcome in the activity log. Confirmation is the view's
 * business; this class only acts.
 */
public final class AccountViewModel {
    /**
     * The least budget for re-reading after a lost answer: the gateway was just too slow for the
     * profile's timeout, and the operator needs the answer more than a fast one.
     */

    private final ConsoleSession session;
    private final ActivityViewModel activity;
    private final ObservableSet<String> revealed = FXCollections.observableSet();
    private BackgroundTask<?> running;
    private Runnable lastAction;
    private CallRecord lastCall;

    // Properties
    private final ReadOnlyStringWrapper identityId = new ReadOnlyStringWrapper(this, "identityId");
    private final ReadOnlyObjectWrapper<Account> account = new ReadOnlyObjectWrapper<>(this, "account");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome");
    private final ReadOnlyBooleanWrapper outcomeUncertain = new ReadOnlyBooleanWrapper(this, "outcomeUncertain");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");

    // The edit form
    private final StringProperty editLoginName = new SimpleStringProperty(this, "editLoginName", "");
    private final StringProperty editPhone = new SimpleStringProperty(this, "editPhone", "");
    private final StringProperty editEmail = new SimpleStringProperty(this, "editEmail", "");
    private final StringProperty editNickName = new SimpleStringProperty(this, "editNickName", "");
    private final StringProperty editAvatarUrl = new SimpleStringProperty(this, "editAvatarUrl", "");
    private final StringProperty editPassword = new SimpleStringProperty(this, "editPassword", "");
    private final BooleanBinding canAct;
    private final ObjectBinding<List<FieldError>> editErrors;
    private final StringBinding editProblem;
    private final BooleanBinding canSave;
    private final StringBinding editPhonePrompt;
    private final StringBinding editEmailPrompt;

    public AccountViewModel(ConsoleSession session, ActivityViewModel activity) {
        this.session = session;
        this.activity = activity;
        canAct = Bindings.createBooleanBinding(() -> !busy.get() && account.get() != null && !gone.get(),
                busy, account, gone);
        editErrors = Bindings.createObjectBinding(this::computeEditErrors, account, editLoginName, editPhone,
                editEmail, editNickName, editAvatarUrl, editPassword, session.operatorProperty(),
                session.serviceProperty());
        editProblem = Bindings.createStringBinding(() -> editErrors.get().isEmpty() ? null
                : editErrors.get().stream().map(this::describe).collect(Collectors.joining("\n")),
                editErrors, session.localeProperty());
        canSave = Bindings.createBooleanBinding(() -> !busy.get() && account.get() != null
                        && editProblem.get() == null && !changes().isEmpty(),
                busy, editProblem, account, editLoginName, editPhone, editEmail, editNickName, editAvatarUrl,
                editPassword);
        editPhonePrompt = keepPrompt("phone", Masking::maskPhone);
        editEmailPrompt = keepPrompt("email", Masking::maskEmail);
    }

    /** "138****5678 — leave empty to keep": the current value, masked, as the empty field's prompt. */
    private StringBinding keepPrompt(String field, UnaryOperator<String> mask) {
        return Bindings.createStringBinding(() -> {
            String value = current(field);
            return value == null || value.isEmpty() ? session.text("account.edit.nonePrompt")
                    : session.text("account.edit.keepPrompt", mask.apply(value));
        }, account, session.localeProperty());
    }

    /** Everything wrong with the edit form, by the service's own rules; empty when it can be sent. */
    private List<FieldError> computeEditErrors() {
        if (account.get() == null) {
            return List.of();
        }
        List<FieldError> errors = Validation.checkModify(identityId.get(), changes(), session.hasIotToken());
        // An untouched form is not a mistake: Save stays disabled, but nothing is shown in red.
        errors.removeIf(e -> e.key().equals("validation.modify.nothing"));
        return errors;
    }

    private String describe(FieldError e) {
        return e.key().equals("validation.iotToken.missing") ? session.text("account.edit.noToken")
                : ErrorPresenter.describe(session.locale(), e);
    }

    /**
     * One edit field's problem, localized, naming the field and the fix; null while it is fine.
     *
     * @param field as {@code Validation} names it: loginName, phone, email, nickName, avatarUrl, password
     */
    public StringBinding editErrorBinding(String field) {
        return Bindings.createStringBinding(() -> editErrors.get().stream().filter(e -> e.field().equals(field))
                .findFirst().map(this::describe).orElse(null), editErrors, session.localeProperty());
    }

    // Commands

    public void open(String id) {
        if (!Objects.equals(id, identityId.get())) {
            account.set(null);
            editing.set(false);
            revealed.clear();
        }
        identityId.set(id);
        outcome.set(null);
        outcomeUncertain.set(false);
        refresh();
    }

    public void refresh() {
        String id = identityId.get();
        if (id == null || busy.get()) {
            return;
        }
        lastAction = this::refresh;
        start(session.call((service, c) -> service.queryIdentityList(List.of(id), c)), r -> {
            session.recordRequest(r.requestId(), r.elapsedMillis());
            lastCall = CallRecord.success(ApiOperation.QUERY_IDENTITY_LIST, r.requestId());
            if (r.value().isEmpty()) {
                gone.set(true);
                account.set(null);
                outcome.set(session.text("account.gone", id));
            } else {
                gone.set(false);
                account.set(r.value().get(0));
            }
        }, null);
    }

    /**
     * Re-reads the account before a write, so the confirmation shows its state now rather than when
     * the page was opened; {@code confirm} runs only when the account still exists.
     */
    public void prepare(Consumer<Account> confirm) {
        String id = identityId.get();
        if (id == null || busy.get()) {
            return;
        }
        start(session.call((service, c) -> service.queryIdentityList(List.of(id), c)), r -> {
            session.recordRequest(r.requestId(), r.elapsedMillis());
            lastCall = CallRecord.success(ApiOperation.QUERY_IDENTITY_LIST, r.requestId());
            if (r.value().isEmpty()) {
                gone.set(true);
                account.set(null);
                outcome.set(session.text("account.gone", id));
                return;
            }
            account.set(r.value().get(0));
            busy.set(false);
            running = null;
            confirm.accept(r.value().get(0));
        }, null);
    }

    public void freeze() {
        write("freeze", id -> session.call((s, c) -> s.freeze(id, c)), "account.outcome.frozen",
                now -> now != null && Boolean.TRUE.equals(now.frozen()) ? Applied.YES : Applied.NO);
    }

    public void unfreeze() {
        write("unfreeze", id -> session.call((s, c) -> s.unfreeze(id, c)), "account.outcome.unfrozen",
                now -> now != null && Boolean.FALSE.equals(now.frozen()) ? Applied.YES : Applied.NO);
    }

    public void unregister() {
        write("unregister", id -> session.call((s, c) -> s.unregister(id, c)), "account.outcome.unregistered",
                now -> now == null ? Applied.YES : Applied.NO);
    }

    /**
     * Shows one masked field in full, for this account only, and records who revealed what and why;
     * the value itself never enters the log.
     */
    public void reveal(String field, String reason) {
        String id = identityId.get();
        if (id == null || reason == null || reason.isBlank()) {
            return;
        }
        revealed.add(field);
        activity.recordReveal(id, field, reason.strip());
        if (editing.get() && editOf(field) != null && editOf(field).get().isEmpty()) {
            editOf(field).set(nullToEmpty(current(field)));
        }
    }

    /** Whether the edit form may offer to reveal this field's current value into it. */
    public BooleanBinding canRevealInEditBinding(String field) {
        return Bindings.createBooleanBinding(() -> {
            String value = current(field);
            return value != null && !value.isEmpty() && !revealed.contains(field);
        }, account, revealed);
    }

    /** The edit field of a personal field; null for a field that is not personal data. */
    private StringProperty editOf(String field) {
        return switch (field) {
            case "phone" -> editPhone;
            case "email" -> editEmail;
            default -> null;
        };
    }

    private String current(String field) {
        Account a = account.get();
        if (a == null) {
            return null;
        }
        return switch (field) {
            case "phone" -> a.phone();
            case "email" -> a.email();
            default -> null;
        };
    }

    /** The ticket text for the last call on this page, or null before any. */
    public String ticketText() {
        return lastCall == null ? null
                : lastCall.ticket(session.locale(), session.profileProperty().get(), account.get());
    }

    public void startEdit() {
        Account a = account.get();
        if (a == null) {
            return;
        }
        editLoginName.set(nullToEmpty(a.loginName()));
        // Personal data starts empty ("unchanged"), its masked value as the prompt, unless the
        // operator has already revealed it, with a reason, for this account.
        editPhone.set(revealed.contains("phone") ? nullToEmpty(a.phone()) : "");
        editEmail.set(revealed.contains("email") ? nullToEmpty(a.email()) : "");
        editNickName.set(nullToEmpty(a.nickName()));
        editAvatarUrl.set(nullToEmpty(a.avatarUrl()));
        editPassword.set("");
        problem.set(null);
        editing.set(true);
    }

    public void cancelEdit() {
        editing.set(false);
        problem.set(null);
    }

    /** Sends only what changed, plus the phone or email the API insists on. */
    public void saveEdit() {
        if (!canSave.get()) {
            return;
        }
        AccountChanges changes = changes();
        Account original = account.get();
        write("modify", id -> session.call((s, c) -> s.modify(id, changes, c)), "account.outcome.modified",
                now -> applied(changes, original, now));
    }

    /** "nickName: Old → New" lines for the confirmation, personal data masked. */
    public String describeChanges() {
        Account a = account.get();
        AccountChanges c = changes();
        StringBuilder sb = new StringBuilder();
        line(sb, "loginName", a.loginName(), c.loginName());
        line(sb, "phone", Masking.maskPhone(a.phone()), c.phone() == null || c.phone().equals(a.phone()) ? null
                : Masking.maskPhone(c.phone()));
        line(sb, "email", Masking.maskEmail(a.email()), c.email() == null || c.email().equals(a.email()) ? null
                : Masking.maskEmail(c.email()));
        line(sb, "nickName", a.nickName(), c.nickName());
        line(sb, "avatarUrl", a.avatarUrl(), c.avatarUrl());
        if (c.password() != null) {
            sb.append(session.text("field.password")).append('\n');
        }
        return sb.toString().strip();
    }

    private void line(StringBuilder sb, String field, String before, String after) {
        if (after != null) {
            sb.append(session.text("field." + field)).append(": ").append(before == null || before.isEmpty() ? "—" : before)
                    .append(" → ").append(after).append('\n');
        }
    }

    /** The fields that differ from the loaded account; unchanged ones stay null so they are not sent. */
    AccountChanges changes() {
        Account a = account.get();
        AccountChanges.Builder b = AccountChanges.builder();
        String loginName = changed(a.loginName(), editLoginName.get());
        String phone = changed(a.phone(), editPhone.get());
        String email = changed(a.email(), editEmail.get());
        b.loginName(loginName).phone(phone).email(email)
                .nickName(changed(a.nickName(), editNickName.get()))
                .avatarUrl(changed(a.avatarUrl(), editAvatarUrl.get()))
                .password(Secret.ofNullable(editPassword.get()));
        AccountChanges probe = b.build();
        if (!probe.isEmpty() && phone == null && email == null) {
            // modifyAccount rejects a call that carries neither phone nor email (seed page). The
            // client checks a sent phone as a mainland number, so a foreign phone goes only when
            // there is no email to send instead.
            boolean hasPhone = a.phone() != null && !a.phone().isEmpty();
            boolean hasEmail = a.email() != null && !a.email().isEmpty();
            if (hasPhone && (Validation.checkPhone("phone", a.phone(), null) == null || !hasEmail)) {
                b.phone(a.phone());
            } else if (hasEmail) {
                b.email(a.email());
            }
        }
        return probe.isEmpty() ? probe : b.modifier(session.operator().isBlank() ? null : session.operator()).build();
    }

    public void cancel() {
        BackgroundTask<?> t = running;
        if (t != null) {
            t.cancel();
        }
    }

    public void retry() {
        if (lastAction != null) {
            lastAction.run();
        }
    }

    private void write(String action, Function<String, BackgroundTask<Result<Void>>> call, String successKey,
                       Function<Account, Applied> appliedIn) {
        Account a = account.get();
        String id = identityId.get();
        if (a == null || busy.get()) {
            return;
        }
        lastAction = () -> write(action, call, successKey, appliedIn);
        String name = a.displayName();
        Map<String, String> before = snapshot(a);
        outcomeUncertain.set(false);
        start(call.apply(id), r -> {
            session.recordRequest(r.requestId(), r.elapsedMillis());
            lastCall = CallRecord.success(operationOf(action), r.requestId());
            String message = session.text(successKey, name);
            outcome.set(message);
            editing.set(false);
            if (action.equals("unregister")) {
                gone.set(true);
                activity.recordSuccess(action, id, r.requestId(), message, before, Map.of());
            } else {
                busy.set(false);
                running = null;
                reread(id, now -> activity.recordSuccess(action, id, r.requestId(), message, before,
                        now.map(AccountViewModel::snapshot).orElse(Map.of())), e -> activity.recordSuccess(
                        action, id, r.requestId(), message, before, Map.of()));
            }
        }, e -> {
            lastCall = CallRecord.failure(e);
            if (e instanceof TransportException t && t.outcomeUnknown()) {
                settleUnknown(action, id, name, successKey, appliedIn, t, before);
            } else {
                activity.recordFailure(action, id, e, before);
            }
        });
    }

    /**
     * A write whose answer was lost may have been applied: it is never reported as failed. The
     * account is re-read (with a generous budget, since the gateway was just slow) and the operator
     * is told what actually happened.
     */
    private void settleUnknown(String action, String id, String name, String successKey,
                               Function<Account, Applied> appliedIn, TransportException lost,
                               Map<String, String> before) {
        problem.set(null);
        outcomeUncertain.set(true);
        outcome.set(session.text("support.outcome.checking"));
        busy.set(false);
        running = null;
        reread(id, now -> {
            Account current = now.orElse(null);
            Applied verdict = appliedIn.apply(current);
            String message = switch (verdict) {
                case YES -> session.text("support.outcome.applied", session.text(successKey, name));
                case NO -> session.text("support.outcome.notApplied");
                case CANNOT_TELL -> session.text("support.outcome.unverifiable");
            };
            outcome.set(message);
            if (verdict == Applied.YES) {
                editing.set(false);
            }
            activity.recordUnknown(action, id, lost, message, before,
                    current == null ? Map.of() : snapshot(current));
        }, e -> {
            // The re-read's own failure in red would read as the write failing; the warning says it all.
            problem.set(null);
            String message = session.text("support.outcome.unverified");
            outcome.set(message);
            activity.recordUnknown(action, id, lost, message, before, Map.of());
        });
    }

    /** Reads the account again; an empty result means it no longer exists. */
    private void reread(String id, Consumer<Optional<Account>> then, Consumer<Exception> failed) {
        start(session.call((service, c) -> Rereads.patient(service).queryIdentityList(List.of(id), c)), r -> {
            session.recordRequest(r.requestId(), r.elapsedMillis());
            Account now = r.value().isEmpty() ? null : r.value().get(0);
            gone.set(now == null);
            account.set(now);
            then.accept(Optional.ofNullable(now));
        }, failed);
    }


    /** What a re-read says about a write whose answer was lost. */
    private enum Applied { YES, NO, CANNOT_TELL }

    /**
     * A modify is applied when every field it set reads back as sent. A password is never read back,
     * and the phone or email the API insists on may be sent unchanged, so a change of nothing but the
     * password cannot be told either way.
     */
    private static Applied applied(AccountChanges changes, Account original, Account now) {
        if (now == null) {
            return Applied.NO;
        }
        boolean visible = differs(changes.loginName(), original.loginName())
                || differs(changes.nickName(), original.nickName())
                || differs(changes.avatarUrl(), original.avatarUrl())
                || differs(changes.phone(), original.phone()) || differs(changes.email(), original.email());
        if (!visible) {
            return Applied.CANNOT_TELL;
        }
        boolean all = matches(changes.loginName(), now.loginName()) && matches(changes.phone(), now.phone())
                && matches(changes.email(), now.email()) && matches(changes.nickName(), now.nickName())
                && matches(changes.avatarUrl(), now.avatarUrl());
        return all ? Applied.YES : Applied.NO;
    }

    private static boolean differs(String sent, String before) {
        return sent != null && !sent.equals(before);
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static ApiOperation operationOf(String action) {
        return switch (action) {
            case "freeze" -> ApiOperation.FREEZE;
            case "unfreeze" -> ApiOperation.UNFREEZE;
            case "unregister" -> ApiOperation.UNREGISTER;
            default -> ApiOperation.MODIFY_ACCOUNT;
        };
    }

    /** The fields a write can change, personal data masked: what the activity log keeps. */
    static Map<String, String> snapshot(Account a) {
        Map<String, String> m = new TreeMap<>();
        put(m, "loginName", a.loginName());
        put(m, "phone", Masking.maskPhone(a.phone()));
        put(m, "email", Masking.maskEmail(a.email()));
        put(m, "nickName", a.nickName());
        put(m, "avatarUrl", a.avatarUrl());
        put(m, "modifier", a.modifier());
        put(m, "frozen", a.frozen() == null ? null : a.frozen().toString());
        return m;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    private <T> void start(BackgroundTask<T> task, Consumer<T> onSuccess, Consumer<Exception> alsoOnFailure) {
        problem.set(null);
        busy.set(true);
        running = task;
        task.onFinished(() -> {
            if (running == task) {
                busy.set(false);
                running = null;
            }
        }).onSuccess(onSuccess).onFailure(e -> {
            Problem p = ErrorPresenter.present(e, session.locale());
            problem.set(p);
            if (alsoOnFailure != null) {
                alsoOnFailure.accept(e);
            }
        }).executeWith(session.executor());
    }

    private static String changed(String original, String edited) {
        String now = edited == null ? "" : edited.strip();
        String before = original == null ? "" : original;
        return now.equals(before) || now.isEmpty() ? null : now;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // Properties

    public ReadOnlyStringProperty identityIdProperty() {
        return identityId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Account> accountProperty() {
        return account.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty outcomeUncertainProperty() {
        return outcomeUncertain.getReadOnlyProperty();
    }

    public ObservableSet<String> revealed() {
        return revealed;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringBinding editProblemBinding() {
        return editProblem;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public BooleanBinding canActBinding() {
        return canAct;
    }

    public StringProperty editLoginNameProperty() {
        return editLoginName;
    }

    public StringProperty editPhoneProperty() {
        return editPhone;
    }

    public StringProperty editEmailProperty() {
        return editEmail;
    }

    /** The empty phone field's prompt: the current phone masked, and that empty keeps it. */
    public StringBinding editPhonePromptBinding() {
        return editPhonePrompt;
    }

    public StringBinding editEmailPromptBinding() {
        return editEmailPrompt;
    }

    public StringProperty editNickNameProperty() {
        return editNickName;
    }

    public StringProperty editAvatarUrlProperty() {
        return editAvatarUrl;
    }

    public StringProperty editPasswordProperty() {
        return editPassword;
    }

    public boolean hasIotToken() {
        return session.hasIotToken();
    }
}
