package dev.accountconsole.ui.settings;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Secret;
import dev.accountconsole.api.SignatureMethod;
import dev.accountconsole.config.Profile;
import dev.accountconsole.config.ProfileStore;
import dev.accountconsole.i18n.Messages;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.Theme;
import dev.accountconsole.ui.common.BackgroundTask;
import dev.accountconsole.ui.common.CallRecord;
import dev.accountconsole.ui.common.ErrorPresenter;
import dev.accountconsole.ui.common.NotConnectedException;
import dev.accountconsole.ui.common.Problem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings: language and operator (applied at once), and the profile form (name, endpoint, AppKey,
 * AppSecret, iotToken, timeout) with save, use and "Test connection". Secrets typed here are only
 * ever handed to the {@link ProfileStore}; blank secret fields keep what is stored.
 */
public final class SettingsViewModel {
    private final ConsoleSession session;
    /** The last connection test and the profile it tested, for "Copy for ticket"; null before any. */
    private CallRecord lastCall;
    private Profile lastCallProfile;
    /** What "Try again" runs: the action whose failure the banner shows. */
    private Runnable retryAction;

    // Properties
    private final ObservableList<String> profileNames = FXCollections.observableArrayList();
    private final StringProperty selectedProfile = new SimpleStringProperty(this, "selectedProfile");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final StringProperty appKey = new SimpleStringProperty(this, "appKey", "");
    private final StringProperty appSecret = new SimpleStringProperty(this, "appSecret", "");
    private final StringProperty iotToken = new SimpleStringProperty(this, "iotToken", "");
    private final StringProperty timeoutMillis = new SimpleStringProperty(this, "timeoutMillis", "3000");
    private final ReadOnlyBooleanWrapper builtIn = new ReadOnlyBooleanWrapper(this, "builtIn", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    private final StringBinding storageHint;

    public SettingsViewModel(ConsoleSession session) {
        this.session = session;
        storageHint = Bindings.createStringBinding(() -> builtIn.get() ? session.text("settings.storage.sandbox")
                : session.text("settings.storage.encrypted", session.profileStore() == null ? ""
                        : session.profileStore().secrets().description()), builtIn, session.localeProperty());
        session.profileProperty().addListener((obs, o, p) -> showProfile(p));
        // The built-in sandbox's endpoint and AppKey are only known once it has started.
        session.serviceProperty().addListener((obs, o, s) -> {
            if (builtIn.get() && session.profileProperty().get().builtInSandbox()) {
                showProfile(session.profileProperty().get());
            }
        });
        showProfile(session.profileProperty().get());
    }

    // Commands

    /** Applied and saved as soon as it changes. */
    public javafx.beans.property.ObjectProperty<Theme> themeProperty() {
        return session.themeProperty();
    }

    public String themeName(Theme theme) {
        return switch (theme) {
            case LIGHT -> session.text("settings.theme.light");
            case DARK -> session.text("settings.theme.dark");
            case SYSTEM -> session.text("settings.theme.system");
        };
    }

    public void setLanguage(Locale locale) {
        session.localeProperty().set(Messages.supported(locale));
    }

    /** Lists the saved profiles (and the built-in sandbox) from the store, in the background. */
    public void reloadProfiles() {
        ProfileStore store = session.profileStore();
        if (store == null) {
            profileNames.setAll(Profile.BUILT_IN_SANDBOX_NAME);
            return;
        }
        BackgroundTask.wrap(c -> store.list()).onSuccess(list -> {
            List<String> names = new ArrayList<>();
            names.add(Profile.BUILT_IN_SANDBOX_NAME);
            list.forEach(p -> names.add(p.name()));
            profileNames.setAll(names);
        }).onFailure(e -> fail(e, this::reloadProfiles)).executeWith(session.executor());
    }

    /** Fills the form with a saved profile (secrets stay blank: blank keeps the stored ones). */
    public void select(String profileName) {
        ProfileStore store = session.profileStore();
        if (profileName == null || store == null) {
            return;
        }
        if (profileName.equals(Profile.BUILT_IN_SANDBOX_NAME)) {
            showProfile(Profile.forBuiltInSandbox());
            return;
        }
        BackgroundTask.wrap(c -> store.find(profileName).orElseThrow())
                .onSuccess(this::showProfile).onFailure(e -> fail(e, () -> select(profileName)))
                .executeWith(session.executor());
    }

    public void newProfile() {
        selectedProfile.set(null);
        builtIn.set(false);
        name.set("");
        endpoint.set(ClientSettings.PRODUCTION_ENDPOINT);
        appKey.set("");
        appSecret.set("");
        iotToken.set("");
        timeoutMillis.set(String.valueOf(ClientSettings.DEFAULT_TIMEOUT_MILLIS));
        status.set(null);
        problem.set(null);
    }

    /** Saves the form and makes it the active profile. */
    public void saveAndUse() {
        Long timeout = timeout();
        if (timeout == null) {
            return;
        }
        if (builtIn.get()) {
            session.setSandboxTimeout(timeout);
            status.set(session.text("settings.saved", Profile.BUILT_IN_SANDBOX_NAME));
            return;
        }
        ProfileStore store = session.profileStore();
        if (store == null || name.get().isBlank() || appKey.get().isBlank() || endpointUri() == null) {
            refuse("settings.incomplete");
            return;
        }
        Profile p = new Profile(name.get().strip(), endpoint.get().strip(), appKey.get().strip(), timeout, null, false);
        Secret secret = Secret.ofNullable(appSecret.get());
        Secret token = Secret.ofNullable(iotToken.get());
        busy.set(true);
        BackgroundTask.wrap(c -> {
            store.save(p, secret, token);
            return store.clientSettings(p, null);
        }).onSuccess(settings -> {
            appSecret.set("");
            iotToken.set("");
            session.activate(p, settings);
            status.set(session.text("settings.saved", p.name()));
            reloadProfiles();
        }).onFailure(e -> fail(e, this::saveAndUse)).onFinished(() -> busy.set(false))
                .executeWith(session.executor());
    }

    /** Switches back to the built-in sandbox. */
    public void useSandbox() {
        session.activate(Profile.forBuiltInSandbox(), null);
    }

    /**
     * One harmless read with what the form says (or the active connection for the built-in sandbox):
     * proves endpoint, AppKey and AppSecret without changing anything.
     */
    public void testConnection() {
        Long timeout = timeout();
        if (timeout == null) {
            return;
        }
        ClientSettings active = session.clientSettings();
        ProfileStore store = session.profileStore();
        boolean sandbox = builtIn.get();
        URI uri = sandbox ? null : endpointUri();
        if (!sandbox && (uri == null || appKey.get().isBlank())) {
            refuse("settings.incomplete");
            return;
        }
        String profileName = name.get().strip();
        String key = appKey.get().strip();
        Secret typedSecret = Secret.ofNullable(appSecret.get());
        String language = Messages.gatewayLanguage(session.locale());
        // The ticket names what was tested, which may be a form not saved yet rather than the active profile.
        Profile tested = sandbox ? Profile.forBuiltInSandbox()
                : new Profile(profileName.isEmpty() ? session.text("settings.unsaved") : profileName,
                        uri.toString(), key, timeout, null, false);
        status.set(session.text("settings.testing"));
        problem.set(null);
        busy.set(true);
        BackgroundTask.wrap(c -> {
            ClientSettings settings;
            if (sandbox) {
                if (active == null) {
                    throw new NotConnectedException(session.text("status.connection.STARTING"));
                }
                settings = active.withTimeoutMillis(timeout);
            } else {
                Secret secret = typedSecret != null ? typedSecret
                        : store == null ? null : store.appSecret(profileName).orElse(null);
                if (secret == null) {
                    throw new NotConnectedException(session.text("settings.noSecret"));
                }
                settings = new ClientSettings(uri, key, secret, null, timeout, language, SignatureMethod.HMAC_SHA256);
            }
            return new AccountService(new GatewayClient(settings.withLanguage(language)))
                    .queryIdentityList(List.of("connection-test"), c);
        }).onSuccess(r -> {
            session.recordRequest(r.requestId(), r.elapsedMillis());
            remember(CallRecord.success(ApiOperation.QUERY_IDENTITY_LIST, r.requestId()), tested);
            status.set(session.text("settings.testOk", r.elapsedMillis(), r.requestId()));
        }).onFailure(e -> {
            status.set(null);
            remember(CallRecord.failure(e), tested);
            retryAction = this::testConnection;
            problem.set(ErrorPresenter.present(e, session.locale()));
        }).onFinished(() -> busy.set(false)).executeWith(session.executor());
    }

    /** "Try again" on the banner: runs again what failed, a connection test or a save. */
    public void retry() {
        if (retryAction != null) {
            retryAction.run();
        }
    }

    /**
     * The ticket text for the last connection test, naming the profile it tested; null before any,
     * and after a failure that sent nothing (bad input, no secret, a save that failed on disk).
     */
    public String ticketText() {
        return lastCall == null ? null : lastCall.ticket(session.locale(), lastCallProfile, null);
    }

    private void remember(CallRecord call, Profile profile) {
        lastCall = call;
        lastCallProfile = profile;
    }

    /** The form cannot be used as it is; nothing was sent, so no ticket either. */
    private void refuse(String key) {
        remember(null, null);
        retryAction = null;
        problem.set(new Problem(session.text(key), null, false, false));
    }

    /**
     * A failure of this page's own work (reading or saving profiles): nothing was sent, so no ticket.
     *
     * @param again what "Try again" runs
     */
    private void fail(Exception e, Runnable again) {
        remember(null, null);
        retryAction = again;
        problem.set(ErrorPresenter.present(e, session.locale()));
    }

    private Long timeout() {
        try {
            long t = Long.parseLong(timeoutMillis.get().strip());
            if (t >= 100 && t <= 120_000) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        refuse("settings.timeout.invalid");
        return null;
    }

    private URI endpointUri() {
        try {
            URI u = URI.create(endpoint.get().strip());
            return u.getHost() != null && (u.getScheme().equals("http") || u.getScheme().equals("https")) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void showProfile(Profile p) {
        selectedProfile.set(p.name());
        builtIn.set(p.builtInSandbox());
        name.set(p.name());
        ClientSettings active = session.clientSettings();
        endpoint.set(p.builtInSandbox()
                ? (session.sandbox() != null ? session.sandbox().endpoint().toString() : "")
                : p.endpoint());
        appKey.set(p.builtInSandbox() ? (active != null && session.profileProperty().get().builtInSandbox()
                ? active.appKey() : "") : p.appKey());
        appSecret.set("");
        iotToken.set("");
        timeoutMillis.set(String.valueOf(p.timeoutMillis()));
        problem.set(null);
    }

    /** Where this profile's secrets live, so the operator knows what "saved" means. */
    public StringBinding storageHintBinding() {
        return storageHint;
    }

    // Properties

    public ObservableList<String> profileNames() {
        return profileNames;
    }

    /** The profile shown in the form, as picked in the list. */
    public StringProperty selectedProfileProperty() {
        return selectedProfile;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty appKeyProperty() {
        return appKey;
    }

    public StringProperty appSecretProperty() {
        return appSecret;
    }

    public StringProperty iotTokenProperty() {
        return iotToken;
    }

    public StringProperty timeoutMillisProperty() {
        return timeoutMillis;
    }

    public StringProperty operatorProperty() {
        return session.operatorProperty();
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return session.localeProperty();
    }

    public ReadOnlyBooleanProperty builtInProperty() {
        return builtIn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
