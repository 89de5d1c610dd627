package dev.accountconsole.ui;

import dev.accountconsole.config.AppDirs;
import dev.accountconsole.i18n.Messages;
import dev.accountconsole.ui.common.DialogService;
import dev.accountconsole.ui.common.ErrorPresenter;
import dev.accountconsole.ui.common.FxTaskExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The console application. Start-up shows the window first; the profile store and the embedded
 * sandbox are opened in the background afterwards, the status bar saying "starting sandbox…".
 */
public final class App extends Application {
    private volatile ConsoleSession session; // made on the frame loader's thread
    private volatile MainWindow window;

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("toolkit started");
        AppDirs dirs = ConsoleLauncher.dirs();
        UiPreferences preferences = ConsoleLauncher.preferences();
        ConsoleLauncher.LaunchOptions options = ConsoleLauncher.options();
        // The one place the unexpected ends: logged in full, told to the operator in their language
        // in a dialog owned by the window, never as a stack trace.
        DialogService startupDialogs = new DialogService(() -> stage);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            System.getLogger(App.class.getName()).log(System.Logger.Level.ERROR, "Uncaught exception on " + t.getName(), e);
            Platform.runLater(() -> {
                MainWindow shown = window;
                if (shown != null) {
                    shown.showUnexpected(e);
                } else {
                    startupDialogs.inform(Messages.get(preferences.locale(), "app.title"),
                            ErrorPresenter.present(e, preferences.locale()).message());
                }
            });
        });
        // The window first, from the preferences alone; the session, the view models and the frame
        // meanwhile on a second thread. --startup-only (the packaging's AOT training run) ends after
        // the first page: no sandbox, no call.
        MainWindow.showFrameFirst(stage, preferences, () -> open(dirs, preferences, stage),
                window -> framed(window, options), options.startupOnly() ? Platform::exit : () -> { });
    }

    /** The session and the window, on the frame loader's thread. */
    private MainWindow open(AppDirs dirs, UiPreferences preferences, Stage stage) {
        session = new ConsoleSession(dirs, new FxTaskExecutor(), SandboxConnection.embedded(dirs), preferences);
        return new MainWindow(stage, session);
    }

    /** On the JavaFX thread, the frame in the window: the profile connected, the mode started. */
    private void framed(MainWindow window, ConsoleLauncher.LaunchOptions options) {
        this.window = window;
        if (options.startupOnly()) {
            return;
        }
        Platform.runLater(options.smokeTest() ? session::connectSandbox : session::connect);
        if (options.smokeTest()) {
            new SmokeTest(window).start();
        } else if (options.screenshotDir() != null) {
            new ScreenshotTour(window, options.screenshotDir()).start();
        } else if (options.memoryProbeIds() != null) {
            new MemoryProbe(window, options.memoryProbeIds()).start();
        }
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
    }
}
