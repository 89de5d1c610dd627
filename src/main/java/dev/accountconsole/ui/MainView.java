package dev.accountconsole.ui;

import dev.accountconsole.account.LookupRecognizer.Reading;
import dev.accountconsole.config.Profile;
import dev.accountconsole.ui.common.Clipboards;
import dev.accountconsole.ui.common.PageView;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/** The window's frame: navigation, the active profile with its environment badge, the status bar. */
public final class MainView {
    private final MainWindow window;
    private final Workspace workspace;
    private final ConsoleSession session;
    private final Map<Page, PageView> controllers = new EnumMap<>(Page.class);
    private final Map<Page, javafx.scene.Parent> roots = new EnumMap<>(Page.class);
    private boolean syncingToggle;
    // Held here and given to the session and the workspace weakly: a language switch replaces this
    // view, and the old one must neither stay in memory nor go on loading pages nobody sees.
    private final ChangeListener<Page> pageListener = (obs, old, now) -> show(now);
    private final ChangeListener<Profile> profileListener = (obs, old, now) -> showEnvironment();
    private final ChangeListener<Boolean> profileKnownListener = (obs, old, now) -> showEnvironment();
    private final ChangeListener<ConnectionState> connectionListener = (obs, old, now) -> styleConnection(now);
    private ListChangeListener<Reading> choicesListener;
    private ContextMenu choices;

    @FXML private BorderPane root;
    @FXML private ToggleGroup navGroup;
    @FXML private ToggleButton navSearch;
    @FXML private ToggleButton navRegister;
    @FXML private ToggleButton navBulk;
    @FXML private ToggleButton navActivity;
    @FXML private ToggleButton navSettings;
    @FXML private Label profileName;
    @FXML private Label environmentBadge;
    @FXML private TextField lookupField;
    @FXML private Label lookupProblem;
    @FXML private Label productionBanner;
    @FXML private StackPane pageHost;
    @FXML private ProgressIndicator connectionProgress;
    @FXML private Label connectionLabel;
    @FXML private Hyperlink lastRequestId;
    @FXML private Label latencyLabel;

    public MainView(MainWindow window) {
        this.window = window;
        this.workspace = window.workspace();
        this.session = workspace.session();
    }

    @FXML
    private void initialize() {
        Map<Toggle, Page> byToggle = Map.of(navSearch, Page.SEARCH, navRegister, Page.REGISTER,
                navBulk, Page.BULK, navActivity, Page.ACTIVITY, navSettings, Page.SETTINGS);
        // Jobs left unfinished by an earlier session show on the navigation before the page is opened.
        navBulk.textProperty().bind(Bindings.createStringBinding(() -> workspace.bulk().unfinished().isEmpty()
                ? window.text("nav.bulk") : window.text("nav.bulk.unfinished", workspace.bulk().unfinished().size()),
                workspace.bulk().unfinished()));
        navGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (syncingToggle) {
                return;
            }
            if (now == null) {
                // A toggle group lets the operator deselect; the page in front stays selected.
                if (old != null && byToggle.get(old) == workspace.pageProperty().get()) {
                    old.setSelected(true);
                }
                return;
            }
            workspace.pageProperty().set(byToggle.get(now));
        });
        workspace.pageProperty().addListener(new WeakChangeListener<>(pageListener));

        profileName.textProperty().bind(Bindings.createStringBinding(this::profileText,
                session.profileProperty(), session.profileKnownProperty()));
        initLookup();
        session.profileProperty().addListener(new WeakChangeListener<>(profileListener));
        session.profileKnownProperty().addListener(new WeakChangeListener<>(profileKnownListener));
        showEnvironment();

        connectionProgress.visibleProperty().bind(session.connectionStateProperty().isEqualTo(ConnectionState.STARTING));
        connectionProgress.managedProperty().bind(connectionProgress.visibleProperty());
        connectionLabel.textProperty().bind(Bindings.createStringBinding(this::connectionText,
                session.connectionStateProperty(), session.connectionDetailProperty(), session.profileProperty()));
        session.connectionStateProperty().addListener(new WeakChangeListener<>(connectionListener));
        styleConnection(session.connectionStateProperty().get());

        lastRequestId.textProperty().bind(Bindings.createStringBinding(() -> session.lastRequestIdProperty().get() == null
                ? window.text("status.noRequest") : session.lastRequestIdProperty().get(), session.lastRequestIdProperty()));
        lastRequestId.disableProperty().bind(session.lastRequestIdProperty().isNull());
        lastRequestId.setTooltip(new Tooltip(window.text("status.copyRequestId")));
        lastRequestId.setAccessibleText(window.text("status.copyRequestId"));
        lastRequestId.setOnAction(e -> {
            Clipboards.copy(session.lastRequestIdProperty().get());
            lastRequestId.setVisited(false);
            window.notifyCopied();
        });
        latencyLabel.textProperty().bind(Bindings.createStringBinding(() -> session.lastLatencyMillisProperty().get() < 0
                ? "" : window.text("status.latency", session.lastLatencyMillisProperty().get()),
                session.lastLatencyMillisProperty()));
    }

    private void initLookup() {
        var lookup = workspace.lookup();
        lookupField.textProperty().bindBidirectional(lookup.textProperty());
        lookupField.setOnAction(e -> lookup.submit());
        lookupField.setTooltip(new Tooltip(window.text("lookup.tooltip")));
        lookupProblem.textProperty().bind(lookup.problemProperty());
        lookupProblem.visibleProperty().bind(lookup.problemProperty().isNotEmpty());
        lookupProblem.managedProperty().bind(lookupProblem.visibleProperty());
        choicesListener = c -> {
            if (lookup.choices().isEmpty()) {
                if (choices != null) {
                    choices.hide();
                }
                return;
            }
            if (choices == null) {
                // Made when first needed: a popup window is not worth its cost on the first frame.
                choices = new ContextMenu();
                choices.setId("lookupChoices");
                choices.setOnHidden(e -> lookup.choices().clear());
            }
            choices.getItems().clear();
            int i = 0;
            for (Reading reading : List.copyOf(lookup.choices())) {
                MenuItem item = new MenuItem(lookup.describe(reading));
                item.setId("lookupChoice-" + i++);
                item.setOnAction(e -> lookup.choose(reading));
                choices.getItems().add(item);
            }
            choices.show(lookupField, Side.BOTTOM, 0, 0);
        };
        // Weak: a language switch replaces this view, and the old menu must not answer the view model.
        lookup.choices().addListener(new WeakListChangeListener<>(choicesListener));
    }

    /** Ctrl+K: the lookup box, from any page. */
    void focusLookup() {
        lookupField.requestFocus();
        lookupField.selectAll();
    }

    private String connectionText() {
        ConnectionState s = session.connectionStateProperty().get();
        return switch (s) {
            case STARTING -> window.text(session.profileProperty().get().builtInSandbox()
                    ? "status.connection.sandboxStarting" : "status.connection.STARTING");
            case READY -> window.text("status.connection.READY", session.connectionDetailProperty().get());
            case FAILED -> window.text("status.connection.FAILED", session.connectionDetailProperty().get());
        };
    }

    private void styleConnection(ConnectionState s) {
        connectionLabel.getStyleClass().removeAll("connection-ready", "connection-failed");
        if (s == ConnectionState.READY) {
            connectionLabel.getStyleClass().add("connection-ready");
        } else if (s == ConnectionState.FAILED) {
            connectionLabel.getStyleClass().add("connection-failed");
        }
    }

    private String profileText() {
        if (!session.profileKnownProperty().get()) {
            return session.rememberedProfileName();
        }
        Profile p = session.profileProperty().get();
        return p.builtInSandbox() ? window.text("main.profile.builtIn") : p.name();
    }

    /** Sandbox, production, or, while the profile used last is being opened, neither yet. */
    private void showEnvironment() {
        Profile p = session.profileProperty().get();
        boolean known = session.profileKnownProperty().get();
        boolean production = known && p.environment() == Profile.Environment.PRODUCTION;
        String badge = !known ? "badge-pending" : production ? "badge-production" : "badge-sandbox";
        environmentBadge.setText(window.text(!known ? "env.pending" : production ? "env.production" : "env.sandbox"));
        environmentBadge.getStyleClass().removeAll("badge-sandbox", "badge-production", "badge-pending");
        environmentBadge.getStyleClass().add(badge);
        productionBanner.setVisible(production);
        productionBanner.setManaged(production);
        root.getStyleClass().remove("production");
        if (production) {
            root.getStyleClass().add("production");
        }
    }

    private void show(Page page) {
        PageView view = controllers.get(page);
        if (view == null) {
            var loaded = window.loadPage(page);
            view = loaded.controller();
            controllers.put(page, view);
            roots.put(page, loaded.root());
        }
        pageHost.getChildren().setAll(roots.get(page));
        ToggleButton toggle = switch (page) {
            case SEARCH, ACCOUNT -> navSearch;
            case REGISTER -> navRegister;
            case BULK -> navBulk;
            case ACTIVITY -> navActivity;
            case SETTINGS -> navSettings;
        };
        syncingToggle = true;
        toggle.setSelected(true);
        syncingToggle = false;
        PageView focused = view;
        javafx.application.Platform.runLater(focused::focusFirst);
    }

    /**
     * Puts the current page in the window. Not done while the FXML loads: the first window shows
     * the frame alone, and the page (a table and its skin, thousands of classes) follows at once.
     */
    void showCurrentPage() {
        show(workspace.pageProperty().get());
    }

    /** The page in front, for the window's keyboard commands. */
    PageView current() {
        Page page = workspace.pageProperty().get();
        if (!controllers.containsKey(page)) {
            show(page);
        }
        return controllers.get(page);
    }
}
