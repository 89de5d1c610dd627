package dev.accountconsole.ui;

import dev.accountconsole.i18n.Messages;
import dev.accountconsole.ui.account.AccountView;
import dev.accountconsole.ui.activity.ActivityView;
import dev.accountconsole.ui.bulk.BulkView;
import dev.accountconsole.ui.common.DialogService;
import dev.accountconsole.ui.common.ErrorPresenter;
import dev.accountconsole.ui.common.PageView;
import dev.accountconsole.ui.common.Views;
import dev.accountconsole.ui.register.RegisterView;
import dev.accountconsole.ui.search.SearchView;
import dev.accountconsole.ui.settings.SettingsView;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The console window: builds every view from FXML with the operator's language, rebuilds them when
 * the language changes (the view models, and so everything typed, stay), and owns the keyboard
 * commands that work on every page.
 */
public final class MainWindow {
    public static final String STYLESHEET = "/dev/accountconsole/ui/app.css";
    /** The size of the first window; the frame's FXML asks for the same. */
    private static final double OUTLINE_WIDTH = 1100;
    private static final double OUTLINE_HEIGHT = 720;
    public static final KeyCombination COPY_FOR_TICKET =
            new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final Stage stage;
    private final Workspace workspace;
    private final DialogService dialogs;
    private ResourceBundle bundle;
    private MainView mainView;

    public MainWindow(Stage stage, ConsoleSession session) {
        this.stage = stage;
        this.workspace = new Workspace(session);
        this.dialogs = new DialogService(() -> stage);
    }

    /** Builds the whole frame, shows the window, and puts the current page in it on the next turn. */
    public void show() {
        Scene scene = styled(new Scene(buildRoot()), session().darkProperty().get());
        prepare(scene);
        completeFrame();
        stage.show();
        Platform.runLater(this::showCurrentPage);
    }

    /**
     * The launch: the window at once, with the outline of the frame (its bars in the theme's colours
     * and the title; no controls, so neither the controls' stylesheet nor FXML is loaded yet), made
     * from the preferences alone. Meanwhile a second thread makes the session and the window and
     * loads the frame's FXML (controls may be made off the JavaFX thread until they are in a scene;
     * modena, which the first control asks for, loads on the JavaFX thread at the same time). Once
     * a pulse has drawn the outline and the frame is loaded, the frame replaces the outline; once
     * that is drawn, the current page comes. bench/startup.sh times the first frame and, from
     * {@link StartupTrace}, the outline, the complete frame and the page drawn.
     *
     * @param open makes the session and the window, on a thread of its own (nothing in it may need the JavaFX thread)
     * @param framed then runs on the JavaFX thread, with the frame in the window
     * @param afterPage runs once the page has been laid out and handed to the renderer
     */
    public static void showFrameFirst(Stage stage, UiPreferences preferences, Supplier<MainWindow> open,
                                      Consumer<MainWindow> framed, Runnable afterPage) {
        String title = Messages.get(preferences.locale(), "app.title");
        Scene scene = outlineScene(title, Theme.parse(preferences.theme()) == Theme.DARK);
        stage.setTitle(title);
        stage.setScene(scene);
        CompletableFuture<LoadedFrame> loaded = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                MainWindow window = open.get();
                loaded.complete(new LoadedFrame(window, window.buildRoot()));
            } catch (Throwable e) {
                loaded.completeExceptionally(e);
            }
        }, "frame-loader");
        loader.setDaemon(true);
        stage.show();
        StartupTrace.mark("window shown");
        // Started once the window is up: before, it would take the second core from the toolkit.
        loader.start();
        afterNextPulse(scene, () -> {
            StartupTrace.mark("outline drawn");
            loaded.whenComplete((frame, failure) -> Platform.runLater(() -> {
                if (failure != null) {
                    // Not expected; the uncaught-exception handler logs it and tells the operator.
                    throw new IllegalStateException("The console's frame could not be loaded", failure);
                }
                MainWindow window = frame.window();
                scene.setRoot(frame.root());
                window.prepare(scene);
                window.completeFrame();
                framed.accept(window);
                afterNextPulse(scene, () -> {
                    StartupTrace.mark("frame drawn");
                    window.showCurrentPage();
                    afterNextPulse(scene, () -> {
                        StartupTrace.mark("page drawn");
                        StartupTrace.write();
                        afterPage.run();
                    });
                });
            }));
        });
    }

    /** A window and its frame, loaded off the JavaFX thread and not in a scene yet. */
    private record LoadedFrame(MainWindow window, Parent root) {
    }

    /** Runs {@code step} on the JavaFX thread after the next pulse has laid the scene out. */
    private static void afterNextPulse(Scene scene, Runnable step) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                // After the pulse, not inside it: the scene is synced to the renderer first.
                Platform.runLater(step);
            }
        });
        // The next pulse comes at once when something is to be drawn; ask for one in any case.
        Platform.requestNextPulse();
    }

    /**
     * What the window keeps from its frame on, the scene already styled: the title in the frame's
     * language, the session's theme (which the outline could only take from the preferences), size limits.
     */
    private void prepare(Scene scene) {
        stage.setTitle(bundle.getString("app.title"));
        applyTheme(scene, session().darkProperty().get());
        session().darkProperty().addListener((obs, was, dark) -> applyTheme(stage.getScene(), dark));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> workspace.close());
    }

    /**
     * Once the frame's controls are in the scene: the keyboard commands (a key pressed on the
     * outline, one pulse before, does nothing) and the language switch, which rebuilds the frame.
     */
    private void completeFrame() {
        installShortcuts(stage.getScene());
        session().localeProperty().addListener((obs, old, now) -> {
            stage.getScene().setRoot(buildRoot());
            stage.setTitle(bundle.getString("app.title"));
            showCurrentPage();
        });
    }

    /** The first frame's scene: the outline with the stylesheets (the screenshot tour draws it too). */
    static Scene outlineScene(String title, boolean dark) {
        return styled(new Scene(outline(title), OUTLINE_WIDTH, OUTLINE_HEIGHT), dark);
    }

    /** The console's stylesheet on a new scene, with the dark one over it when asked. */
    private static Scene styled(Scene scene, boolean dark) {
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        applyTheme(scene, dark);
        return scene;
    }

    /** The frame's outline: the bars and the title, made of plain shapes and text. */
    private static Parent outline(String text) {
        Text title = new Text(text);
        title.getStyleClass().add("outline-title");
        HBox appBar = new HBox(title);
        appBar.getStyleClass().addAll("app-bar", "outline-app-bar");
        appBar.setAlignment(Pos.CENTER_LEFT);
        Region statusBar = new Region();
        statusBar.getStyleClass().addAll("status-bar", "outline-status-bar");
        BorderPane root = new BorderPane(null, appBar, null, statusBar, null);
        root.getStyleClass().addAll("main", "outline");
        return root;
    }

    private void showCurrentPage() {
        mainView.showCurrentPage();
    }

    /** The dark look is a second stylesheet over the first, so dialogs copying the scene's sheets follow it. */
    private static void applyTheme(Scene scene, boolean dark) {
        String sheet = MainWindow.class.getResource(Theme.DARK_STYLESHEET).toExternalForm();
        scene.getStylesheets().remove(sheet);
        if (dark) {
            scene.getStylesheets().add(sheet);
        }
    }

    /** Loads the frame from FXML in the session's language; any thread, as long as the frame is not in a scene yet. */
    private Parent buildRoot() {
        bundle = Messages.bundle(session().locale());
        var loaded = Views.load(MainView.class, bundle, this::controller);
        mainView = loaded.controller();
        return loaded.root();
    }

    private Object controller(Class<?> type) {
        if (type == MainView.class) {
            return new MainView(this);
        }
        if (type == SearchView.class) {
            return new SearchView(workspace);
        }
        if (type == AccountView.class) {
            return new AccountView(workspace, dialogs);
        }
        if (type == RegisterView.class) {
            return new RegisterView(workspace);
        }
        if (type == BulkView.class) {
            return new BulkView(workspace.bulk(), session(), dialogs, stage);
        }
        if (type == ActivityView.class) {
            return new ActivityView(workspace.activity(), stage);
        }
        if (type == SettingsView.class) {
            return new SettingsView(workspace.settings());
        }
        throw new IllegalArgumentException("No controller for " + type);
    }

    Views.Loaded<PageView> loadPage(Page page) {
        Class<? extends PageView> type = switch (page) {
            case SEARCH -> SearchView.class;
            case ACCOUNT -> AccountView.class;
            case REGISTER -> RegisterView.class;
            case BULK -> BulkView.class;
            case ACTIVITY -> ActivityView.class;
            case SETTINGS -> SettingsView.class;
        };
        var loaded = Views.load(type, bundle, this::controller);
        return new Views.Loaded<>(loaded.root(), loaded.controller());
    }

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> go(Page.SEARCH));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> go(Page.REGISTER));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                () -> currentPage().refresh());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                () -> mainView.focusLookup());
        // Filters, not accelerators: Esc and Copy for ticket must reach the page even when a text
        // field has focus and would otherwise take the keystroke for itself.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && stage.isFocused()) {
                currentPage().cancel();
            } else if (COPY_FOR_TICKET.match(e)) {
                copyForTicket();
                e.consume();
            }
        });
    }

    private void go(Page page) {
        if (workspace.pageProperty().get() == page) {
            currentPage().focusFirst();
        } else {
            workspace.pageProperty().set(page);
        }
    }

    private PageView currentPage() {
        return mainView.current();
    }

    /** Ctrl+Shift+C on any page: the page's last result or failure, ready for a ticket. */
    public void copyForTicket() {
        String ticket = currentPage().ticketText();
        if (ticket != null) {
            dev.accountconsole.ui.common.Clipboards.copy(ticket);
            notifyCopied();
        }
    }

    void notifyCopied() {
        Notifications.create().owner(stage).text(text("status.copied")).hideAfter(Duration.seconds(2))
                .position(javafx.geometry.Pos.BOTTOM_RIGHT).showInformation();
    }

    /** An owned dialog for a failure nothing else handled. */
    void showUnexpected(Throwable failure) {
        dialogs.inform(text("app.title"), ErrorPresenter.present(failure, session().locale()).message());
    }

    public String text(String key, Object... args) {
        return session().text(key, args);
    }

    public Workspace workspace() {
        return workspace;
    }

    public ConsoleSession session() {
        return workspace.session();
    }

    public Stage stage() {
        return stage;
    }
}
