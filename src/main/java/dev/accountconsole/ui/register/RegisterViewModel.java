package dev.accountconsole.ui.register;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.FieldError;
import dev.accountconsole.account.IdentityQuery;
import dev.accountconsole.account.Registration;
import dev.accountconsole.account.Validation;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.api.TransportException;
import dev.accountconsole.api.Secret;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.activity.ActivityViewModel;
import dev.accountconsole.ui.common.BackgroundTask;
import dev.accountconsole.ui.common.CallRecord;
import dev.accountconsole.ui.common.ErrorPresenter;
import dev.accountconsole.ui.common.Problem;
import dev.accountconsole.ui.common.Rereads;
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

    /** identity/query's "not found" (gateway-protocol.md, section 4). */
    private static final int NOT_FOUND = 2405;
    /** How far the gateway's clock may be behind this one when telling a new account from an old one. */
    private static final long CLOCK_SKEW_MILLIS = 5 * 60_000;

    private final ConsoleSession session;
    private final ActivityViewModel activity;
    private BackgroundTask<?> running;
    private boolean attempted;
    private CallRecord lastCall;

    // Properties
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** Some field shows a problem: the form cannot be submitted as it is. */
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(this, "invalid");
    private final ReadOnlyStringWrapper newIdentityId = new ReadOnlyStringWrapper(this, "newIdentityId");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    /** What became of a registration whose answer was lost; empty otherwise. */
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");

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
        outcome.set("");
        newIdentityId.set(null);
        busy.set(true);
        long submittedAt = System.currentTimeMillis();
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
            if (e instanceof TransportException t && t.outcomeUnknown()) {
                settleUnknown(reg, submittedAt, t);
                return;
            }
            problem.set(ErrorPresenter.present(e, session.locale()));
            activity.recordFailure("register", null, e);
        }).onFinished(() -> {
            busy.set(false);
            running = null;
        }).executeWith(session.executor());
    }

    /**
     * A registration whose answer was lost is never shown as failed: the account is looked up by its
     * phone (or email) and counts as created when it exists and was created after the submit (an
     * account that already had that phone would have refused the registration). With only a login
     * name there is no way to look it up, and the operator is told so.
     */
    private void settleUnknown(Registration reg, long submittedAt, TransportException lost) {
        IdentityQuery query = !isBlank(reg.phone()) ? new IdentityQuery.ByPhone(reg.phone())
                : !isBlank(reg.email()) ? new IdentityQuery.ByEmail(reg.email()) : null;
        if (query == null) {
            settled(lost, session.text("register.outcome.unverifiable"), null);
            return;
        }
        outcome.set(session.text("support.outcome.checking"));
        session.call((service, c) -> Rereads.patient(service).queryIdentity(query, c)).onSuccess(r -> {
            session.recordRequest(r.requestId(), r.elapsedMillis());
            Account found = r.value();
            if (found.gmtCreate() == null) {
                settled(lost, session.text("support.outcome.unverified"), null);
            } else if (found.gmtCreate() >= submittedAt - CLOCK_SKEW_MILLIS) {
                newIdentityId.set(found.identityId());
                settled(lost, session.text("support.outcome.applied",
                        session.text("register.success", found.identityId())), found.identityId());
            } else {
                settled(lost, session.text("support.outcome.notApplied"), null);
            }
        }).onFailure(e -> settled(lost, session.text(e instanceof BusinessException b && b.code() == NOT_FOUND
                ? "support.outcome.notApplied" : "support.outcome.unverified"), null))
                .executeWith(session.executor());
    }

    private void settled(TransportException lost, String message, String identityId) {
        outcome.set(message);
        activity.recordUnknown("register", identityId, lost, message, Map.of(), Map.of());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
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
        invalid.set(!found.isEmpty());
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

    public ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty newIdentityIdProperty() {
        return newIdentityId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
