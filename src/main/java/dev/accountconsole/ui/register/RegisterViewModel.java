package dev.accountconsole.ui.register;

import dev.accountconsole.account.FieldError;
import dev.accountconsole.account.Registration;
import dev.accountconsole.account.Validation;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.Secret;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.activity.ActivityViewModel;
import dev.accountconsole.ui.common.BackgroundTask;
import dev.accountconsole.ui.common.CallRecord;
import dev.accountconsole.ui.common.ErrorPresenter;
import dev.accountconsole.ui.common.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The register form: every field, the checks as the operator types (a field's problem shows once
 * it has something in it; "give at least one identifier" only after a submit), the call, and the new
 * identityId. Nothing is cleared when a submit fails.
 */
public final class RegisterViewModel {
    /** Field names as {@link Validation} spells them, plus the confirmation only this form has. */
    public static final List<String> FIELDS = List.of("loginName", "phone", "mobileLocationCode", "email", "nickName",
            "password", "passwordConfirm", "avatarUrl", "creater");

    private final ConsoleSession session;
    private final ActivityViewModel activity;
    private BackgroundTask<?> running;
    private boolean attempted;
    private CallRecord lastCall;

    // Properties
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper newIdentityId = new ReadOnlyStringWrapper(this, "newIdentityId");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    public RegisterViewModel(ConsoleSession session, ActivityViewModel activity) {
        this.session = session;
        this.activity = activity;
        for (String f : FIELDS) {
            values.put(f, new SimpleStringProperty(this, f, ""));
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error"));
        }
        values.get("mobileLocationCode").set("86");
        values.get("creater").set(session.operator());
        session.operatorProperty().addListener((obs, old, now) -> {
            if (value("creater").equals(old == null ? "" : old)) {
                values.get("creater").set(now);
            }
        });
        List<Observable> deps = new ArrayList<>(values.values());
        deps.add(session.localeProperty());
        for (Observable o : deps) {
            o.addListener(x -> validate());
        }
    }

    // Commands

    public void submit() {
        if (busy.get()) {
            return;
        }
        attempted = true;
        if (validate()) {
            return;
        }
        Registration reg = registration();
        problem.set(null);
        newIdentityId.set(null);
        busy.set(true);
        BackgroundTask<dev.accountconsole.account.Result<String>> task =
                session.call((service, c) -> service.register(reg, c));
        running = task;
        task.onSuccess(r -> {
            session.recordRequest(r.requestId(), r.elapsedMillis());
            lastCall = CallRecord.success(ApiOperation.REGISTER, r.requestId());
            newIdentityId.set(r.value());
            activity.recordSuccess("register", r.value(), r.requestId(),
                    session.text("register.success", r.value()));
        }).onFailure(e -> {
            lastCall = CallRecord.failure(e);
            problem.set(ErrorPresenter.present(e, session.locale()));
            activity.recordFailure("register", null, e);
        }).onFinished(() -> {
            busy.set(false);
            running = null;
        }).executeWith(session.executor());
    }

    /** The ticket text for the last registration, or null before any. */
    public String ticketText() {
        return lastCall == null ? null : lastCall.ticket(session.locale(), session.profileProperty().get(), null);
    }

    public void cancel() {
        BackgroundTask<?> t = running;
        if (t != null) {
            t.cancel();
        }
    }

    /** Empties the form for the next account, keeping the location code and creater. */
    public void clear() {
        for (String f : List.of("loginName", "phone", "email", "nickName", "password", "passwordConfirm", "avatarUrl")) {
            values.get(f).set("");
        }
        attempted = false;
        newIdentityId.set(null);
        problem.set(null);
        validate();
    }

    /** Recomputes every field's message; true when something blocks a submit. */
    private boolean validate() {
        Registration reg = registration();
        Map<String, String> found = new LinkedHashMap<>();
        for (FieldError e : Validation.checkRegistration(reg)) {
            boolean identifierRule = e.key().equals("validation.register.identifier");
            if (identifierRule && !attempted) {
                continue;
            }
            found.putIfAbsent(e.field(), ErrorPresenter.describe(session.locale(), e));
        }
        if (!value("passwordConfirm").equals(value("password")) && (attempted || !value("passwordConfirm").isEmpty())) {
            found.put("passwordConfirm", session.text("register.password.mismatch"));
        }
        errors.forEach((f, w) -> w.set(found.get(f)));
        boolean identifierMissing = value("loginName").isBlank() && value("phone").isBlank() && value("email").isBlank();
        return !found.isEmpty() || identifierMissing;
    }

    private Registration registration() {
        return Registration.builder()
                .loginName(blankToNull(value("loginName")))
                .phone(blankToNull(value("phone").strip()))
                .mobileLocationCode(blankToNull(value("mobileLocationCode")))
                .email(blankToNull(value("email").strip()))
                .nickName(blankToNull(value("nickName")))
                .password(Secret.ofNullable(value("password")))
                .avatarUrl(blankToNull(value("avatarUrl").strip()))
                .creater(blankToNull(value("creater")))
                .build();
    }

    private String value(String field) {
        String v = values.get(field).get();
        return v == null ? "" : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // Properties

    public StringProperty field(String name) {
        return values.get(name);
    }

    public ReadOnlyStringProperty errorFor(String name) {
        return errors.get(name).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty newIdentityIdProperty() {
        return newIdentityId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
