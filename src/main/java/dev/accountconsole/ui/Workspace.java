package dev.accountconsole.ui;

import dev.accountconsole.ui.account.AccountViewModel;
import dev.accountconsole.ui.activity.ActivityViewModel;
import dev.accountconsole.ui.lookup.LookupViewModel;
import dev.accountconsole.ui.bulk.BulkViewModel;
import dev.accountconsole.ui.register.RegisterViewModel;
import dev.accountconsole.ui.search.SearchViewModel;
import dev.accountconsole.ui.settings.SettingsViewModel;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The view models of one console window and which page is in front. They outlive the views: a
 * language switch rebuilds every view from FXML and binds it to the same view models, so nothing
 * the operator typed is lost.
 */
public final class Workspace {
    private final ConsoleSession session;
    private final SearchViewModel search;
    private final AccountViewModel account;
    private final RegisterViewModel register;
    private final ActivityViewModel activity;
    private final SettingsViewModel settings;
    private final LookupViewModel lookup;
    private final BulkViewModel bulk;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.SEARCH);

    public Workspace(ConsoleSession session) {
        this.session = session;
        this.activity = new ActivityViewModel(session);
        this.search = new SearchViewModel(session);
        this.account = new AccountViewModel(session, activity);
        this.register = new RegisterViewModel(session, activity);
        this.settings = new SettingsViewModel(session);
        this.lookup = new LookupViewModel(session, search, () -> page.set(Page.SEARCH));
        this.bulk = new BulkViewModel(session, activity, Platform::runLater);
        // Offered at start-up, before the operator opens the page: a job left half done matters. Once
        // connected, not before the first window: the job store brings Jackson's classes with it.
        session.connectionStateProperty().addListener((obs, was, now) -> {
            if (now == ConnectionState.READY) {
                bulk.refreshUnfinished();
            }
        });
        // The results table must not show a frozen account as active after the operator froze it.
        account.accountProperty().addListener((obs, old, now) -> {
            if (now != null) {
                search.replaceResult(now);
            }
        });
        account.goneProperty().addListener((obs, was, gone) -> {
            if (gone) {
                search.removeResult(account.identityIdProperty().get());
            }
        });
    }

    public void openAccount(String identityId) {
        account.open(identityId);
        page.set(Page.ACCOUNT);
    }

    public ConsoleSession session() {
        return session;
    }

    public SearchViewModel search() {
        return search;
    }

    public AccountViewModel account() {
        return account;
    }

    public RegisterViewModel register() {
        return register;
    }

    public ActivityViewModel activity() {
        return activity;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public LookupViewModel lookup() {
        return lookup;
    }

    public BulkViewModel bulk() {
        return bulk;
    }

    /** The window is closing: a bulk run stops (its rows are on disk, resumable next time). */
    public void close() {
        bulk.close();
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }
}
