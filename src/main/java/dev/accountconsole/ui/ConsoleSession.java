package dev.accountconsole.ui;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.api.ApiException;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Secret;
import dev.accountconsole.api.SignatureMethod;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.config.Profile;
import dev.accountconsole.config.ProfileStore;
import dev.accountconsole.i18n.Messages;
import dev.accountconsole.ui.common.BackgroundTask;
import dev.accountconsole.ui.common.NotConnectedException;
import dev.accountconsole.ui.common.TaskExecutor;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What every view shares: the language, the operator, the active profile and its connection, the
 * last request (for the status bar), and the one executor for background calls.
 *
 * <p>Properties change on the JavaFX thread only; the background parts of connecting report back
 * through {@link BackgroundTask} handlers.
 */
public final class ConsoleSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConsoleSession.class.getName());

    private final AppDirs dirs;
    private final TaskExecutor executor;
    private final SandboxConnection.Starter sandboxStarter;
    private UiPreferences preferences;
    private ProfileStore profileStore;
    private volatile SandboxConnection sandbox;
    private ClientSettings baseSettings;

    // Properties
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private final StringProperty operator = new SimpleStringProperty(this, "operator");
    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>(this, "profile");
    private final ReadOnlyObjectWrapper<AccountService> service = new ReadOnlyObjectWrapper<>(this, "service");
    private final ReadOnlyObjectWrapper<ConnectionState> connectionState =
            new ReadOnlyObjectWrapper<>(this, "connectionState", ConnectionState.STARTING);
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper(this, "connectionDetail");
    private final ReadOnlyStringWrapper lastRequestId = new ReadOnlyStringWrapper(this, "lastRequestId");
    private final ReadOnlyLongWrapper lastLatencyMillis = new ReadOnlyLongWrapper(this, "lastLatencyMillis", -1);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.SYSTEM);
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    // False while a saved profile is being opened: until then its environment is not known, and
    // the window must not call it the sandbox (it may well be production).
    private final ReadOnlyBooleanWrapper profileKnown = new ReadOnlyBooleanWrapper(this, "profileKnown");

    /** A session whose preferences are read here, on the calling thread (tests, tools). */
    public ConsoleSession(AppDirs dirs, TaskExecutor executor, SandboxConnection.Starter sandboxStarter) {
        this(dirs, executor, sandboxStarter, UiPreferences.load(dirs.config()));
    }

    /**
     * A session on preferences read beforehand: the console reads them before the toolkit starts,
     * so that the JavaFX thread never waits on the disk.
     */
    public ConsoleSession(AppDirs dirs, TaskExecutor executor, SandboxConnection.Starter sandboxStarter,
                          UiPreferences preferences) {
        this.dirs = dirs;
        this.executor = executor;
        this.sandboxStarter = sandboxStarter;
        this.preferences = preferences;
        locale.set(preferences.locale());
        operator.set(preferences.operator() != null ? preferences.operator() : System.getProperty("user.name", ""));
        profile.set(Profile.forBuiltInSandbox());
        profileKnown.set(preferences.activeProfile() == null);
        locale.addListener((obs, old, now) -> {
            persist(preferences.withLanguage(now.toLanguageTag()));
            rebuildService();
        });
        operator.addListener((obs, old, now) -> persist(preferences.withOperator(now)));
        theme.set(Theme.parse(preferences.theme()));
        theme.addListener((obs, old, now) -> {
            persist(preferences.withTheme(now.name()));
            resolveTheme();
        });
        resolveTheme();
    }

    /** Decides {@link #darkProperty()}; asking the desktop may run a program, so it happens in the background. */
    private void resolveTheme() {
        switch (theme.get()) {
            case LIGHT -> dark.set(false);
            case DARK -> dark.set(true);
            case SYSTEM -> BackgroundTask.wrap(c -> SystemTheme.prefersDark())
                    .onSuccess(d -> {
                        if (theme.get() == Theme.SYSTEM) {
                            dark.set(d);
                        }
                    })
                    .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "Could not read the desktop's theme", e))
                    .executeWith(executor);
        }
    }

    // Commands

    /**
     * Connects the profile chosen last time, or the built-in sandbox; every slow step (reading the
     * encrypted store, starting the sandbox) runs in the background.
     */
    public void connect() {
        connect(preferences.activeProfile(), true);
    }

    /** Connects the built-in sandbox whatever profile was in use last (the smoke test's promise). */
    public void connectSandbox() {
        connect(null, false);
    }

    private void connect(String wanted, boolean remember) {
        connectionState.set(ConnectionState.STARTING);
        profileKnown.set(wanted == null);
        BackgroundTask.wrap(c -> {
            ProfileStore store = ProfileStore.openForUser(dirs);
            Profile p = wanted == null ? null : store.find(wanted).orElse(null);
            return p == null ? new Opened(store, Profile.forBuiltInSandbox(), null)
                    : new Opened(store, p, store.clientSettings(p, null));
        }).onSuccess(r -> {
            profileStore = r.store();
            activate(r.profile(), r.settings(), remember);
        }).onFailure(this::connectionFailed).executeWith(executor);
    }

    private record Opened(ProfileStore store, Profile profile, ClientSettings settings) {
    }

    /** Switches to a saved profile (settings already read) or, with null settings, the built-in sandbox. */
    public void activate(Profile p, ClientSettings settings) {
        activate(p, settings, true);
    }

    private void activate(Profile p, ClientSettings settings, boolean remember) {
        profile.set(p);
        profileKnown.set(true);
        if (remember) {
            persist(preferences.withActiveProfile(p.builtInSandbox() ? null : p.name()));
        }
        if (!p.builtInSandbox()) {
            useSettings(settings);
            return;
        }
        SandboxConnection running = sandbox;
        if (running != null) {
            useSettings(sandboxSettings(running, p));
            return;
        }
        connectionState.set(ConnectionState.STARTING);
        service.set(null);
        BackgroundTask.wrap(c -> sandboxStarter.start())
                .onSuccess(s -> {
                    sandbox = s;
                    if (profile.get().builtInSandbox()) {
                        useSettings(sandboxSettings(s, profile.get()));
                    }
                })
                .onFailure(this::connectionFailed)
                .executeWith(executor);
    }

    private static ClientSettings sandboxSettings(SandboxConnection s, Profile p) {
        return new ClientSettings(s.endpoint(), s.appKey(), s.appSecret(), s.iotToken(), p.timeoutMillis(), null,
                SignatureMethod.HMAC_SHA256);
    }

    /** Replaces the built-in sandbox profile's timeout (it is not stored, so it lives here). */
    public void setSandboxTimeout(long millis) {
        Profile p = profile.get();
        if (p.builtInSandbox()) {
            profile.set(new Profile(p.name(), null, null, millis, p.language(), true));
            if (baseSettings != null) {
                useSettings(baseSettings.withTimeoutMillis(millis));
            }
        }
    }

    private void useSettings(ClientSettings settings) {
        baseSettings = settings;
        rebuildService();
        connectionState.set(ConnectionState.READY);
        connectionDetail.set(settings.endpoint().toString());
    }

    private void rebuildService() {
        if (baseSettings == null) {
            return;
        }
        String language = profile.get().language() != null ? profile.get().language()
                : Messages.gatewayLanguage(locale.get());
        service.set(new AccountService(new GatewayClient(baseSettings.withLanguage(language))));
    }

    private void connectionFailed(Exception e) {
        LOG.log(System.Logger.Level.ERROR, "Could not connect the active profile", e);
        connectionDetail.set(e instanceof SandboxConnection.InUseException ? text("status.sandboxInUse")
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        connectionState.set(ConnectionState.FAILED);
        profileKnown.set(true);
    }

    /** A call on the active profile's service; fails with {@link NotConnectedException} while connecting. */
    public <T> BackgroundTask<T> call(ServiceCall<T> work) {
        AccountService current = service.get();
        String detail = connectionState.get() == ConnectionState.FAILED ? connectionDetail.get()
                : text(profile.get().builtInSandbox() ? "status.connection.sandboxStarting" : "status.connection.STARTING");
        return BackgroundTask.<T>wrap(c -> {
            if (current == null) {
                throw new NotConnectedException(detail);
            }
            return work.call(current, c);
        }).onFailure(this::recordFailure);
    }

    /** Work for {@link #call}: blocking, on the active service. */
    @FunctionalInterface
    public interface ServiceCall<T> {
        T call(AccountService service, dev.accountconsole.api.Cancellation cancellation) throws Exception;
    }

    public void recordRequest(String requestId, long elapsedMillis) {
        lastRequestId.set(requestId);
        lastLatencyMillis.set(elapsedMillis);
    }

    private void recordFailure(Exception e) {
        if (e instanceof ApiException a) {
            recordRequest(a.requestId(), a.elapsedMillis());
        }
    }

    public String text(String key, Object... args) {
        return Messages.get(locale.get(), key, args);
    }

    public boolean hasIotToken() {
        return baseSettings != null && baseSettings.iotToken() != null;
    }

    private void persist(UiPreferences updated) {
        preferences = updated;
        try {
            updated.save(dirs.config());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save console settings", e);
        }
    }

    /** Cancels what is in flight and stops the embedded sandbox. */
    @Override
    public void close() {
        executor.shutdown();
        SandboxConnection s = sandbox;
        sandbox = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Sandbox did not stop cleanly", e);
            }
        }
    }

    // Accessors

    public AppDirs dirs() {
        return dirs;
    }

    public TaskExecutor executor() {
        return executor;
    }

    /** The profile store once {@link #connect()} has opened it; null before. */
    public ProfileStore profileStore() {
        return profileStore;
    }

    public SandboxConnection sandbox() {
        return sandbox;
    }

    public ClientSettings clientSettings() {
        return baseSettings;
    }

    /** False while the profile used last is being opened; {@link #profileProperty()} is the sandbox's meanwhile. */
    public ReadOnlyBooleanProperty profileKnownProperty() {
        return profileKnown.getReadOnlyProperty();
    }

    /** The name of the profile used last, or null for the built-in sandbox. */
    public String rememberedProfileName() {
        return preferences.activeProfile();
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public String operator() {
        return Objects.requireNonNullElse(operator.get(), "");
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AccountService> serviceProperty() {
        return service.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionDetailProperty() {
        return connectionDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastRequestIdProperty() {
        return lastRequestId.getReadOnlyProperty();
    }

    /** The operator's choice: light, dark or whatever the desktop prefers. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Whether the dark stylesheet applies now: the choice, with SYSTEM resolved. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty lastLatencyMillisProperty() {
        return lastLatencyMillis.getReadOnlyProperty();
    }

    /** For settings: the iotToken secret kept out of sight; null when the profile has none. */
    public Secret iotToken() {
        return baseSettings == null ? null : baseSettings.iotToken();
    }
}
