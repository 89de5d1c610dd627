package dev.accountconsole.ui.account;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.AccountChanges;
import dev.accountconsole.account.Result;
import dev.accountconsole.api.Secret;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.activity.ActivityViewModel;
import dev.accountconsole.ui.common.BackgroundTask;
import dev.accountconsole.ui.common.ErrorPresenter;
import dev.accountconsole.ui.common.Problem;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import dev.accountconsole.account.Validation;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
    private final ConsoleSession session;
    private final ActivityViewModel activity;
    private BackgroundTask<?> running;
    private Runnable lastAction;

    // Properties
    private final ReadOnlyStringWrapper identityId = new ReadOnlyStringWrapper(this, "identityId");
    private final ReadOnlyObjectWrapper<Account> account = new ReadOnlyObjectWrapper<>(this, "account");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome");
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
    private final StringBinding editProblem;
    private final BooleanBinding canSave;

    public AccountViewModel(ConsoleSession session, ActivityViewModel activity) {
        this.session = session;
        this.activity = activity;
        canAct = Bindings.createBooleanBinding(() -> !busy.get() && account.get() != null && !gone.get(),
                busy, account, gone);
        editProblem = Bindings.createStringBinding(this::computeEditProblem, account, editLoginName, editPhone,
                editEmail, editNickName, editAvatarUrl, editPassword, session.localeProperty(),
                session.serviceProperty());
        canSave = Bindings.createBooleanBinding(() -> !busy.get() && account.get() != null
                        && editProblem.get() == null && !changes().isEmpty(),
                busy, editProblem, account, editLoginName, editPhone, editEmail, editNickName, editAvatarUrl,
                editPassword);
    }

    /** Everything wrong with the edit form, one line per field; null when it can be sent. */
    private String computeEditProblem() {
        if (account.get() == null) {
            return null;
        }
        List<dev.accountconsole.account.FieldError> errors =
                Validation.checkModify(identityId.get(), changes(), session.hasIotToken());
        // An untouched form is not a mistake: Save stays disabled, but nothing is shown in red.
        errors.removeIf(e -> e.key().equals("validation.modify.nothing"));
        if (errors.isEmpty()) {
            return null;
        }
        return errors.stream().map(e -> e.key().equals("validation.iotToken.missing")
                        ? session.text("account.edit.noToken") : ErrorPresenter.describe(session.locale(), e))
                .collect(Collectors.joining("\n"));
    }

    // Commands

    public void open(String id) {
        if (!Objects.equals(id, identityId.get())) {
            account.set(null);
            editing.set(false);
        }
        identityId.set(id);
        outcome.set(null);
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

    public void freeze() {
        write("freeze", id -> session.call((s, c) -> s.freeze(id, c)), "account.outcome.frozen");
    }

    public void unfreeze() {
        write("unfreeze", id -> session.call((s, c) -> s.unfreeze(id, c)), "account.outcome.unfrozen");
    }

    public void unregister() {
        write("unregister", id -> session.call((s, c) -> s.unregister(id, c)), "account.outcome.unregistered");
    }

    public void startEdit() {
        Account a = account.get();
        if (a == null) {
            return;
        }
        editLoginName.set(nullToEmpty(a.loginName()));
        editPhone.set(nullToEmpty(a.phone()));
        editEmail.set(nullToEmpty(a.email()));
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
        write("modify", id -> session.call((s, c) -> s.modify(id, changes, c)), "account.outcome.modified");
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

    private void write(String action, Function<String, BackgroundTask<Result<Void>>> call, String successKey) {
        Account a = account.get();
        String id = identityId.get();
        if (a == null || busy.get()) {
            return;
        }
        lastAction = () -> write(action, call, successKey);
        String name = a.displayName();
        start(call.apply(id), r -> {
            session.recordRequest(r.requestId(), r.elapsedMillis());
            String message = session.text(successKey, name);
            outcome.set(message);
            activity.recordSuccess(action, id, r.requestId(), message);
            editing.set(false);
            if (action.equals("unregister")) {
                gone.set(true);
            } else {
                busy.set(false);
                running = null;
                refresh();
            }
        }, e -> activity.recordFailure(action, id, e));
    }

    private <T> void start(BackgroundTask<T> task, java.util.function.Consumer<T> onSuccess,
                           java.util.function.Consumer<Exception> alsoOnFailure) {
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
