package dev.accountconsole.ui;

import dev.accountconsole.config.AppDirs;
import dev.accountconsole.ui.common.FxTaskExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The console application. Start-up shows the window first; the profile store and the embedded
 * sandbox are opened in the background afterwards, the status bar saying "starting sandbox…".
 */
public final class App extends Application {
    private ConsoleSession session;

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("toolkit started");
        AppDirs dirs = ConsoleLauncher.dirs();
        UiPreferences preferences = ConsoleLauncher.preferences();
        ConsoleLauncher.LaunchOptions options = ConsoleLauncher.options();
        // The window first, from the preferences alone; the session, the view models and the frame
        // once the window's outline is drawn. --startup-only (the packaging's AOT training run)
        // ends after the first page: no sandbox, no call.
        MainWindow.showFrameFirst(stage, preferences, () -> open(stage, dirs, preferences, options),
                options.startupOnly() ? Platform::exit : () -> { });
    }

    private MainWindow open(Stage stage, AppDirs dirs, UiPreferences preferences, ConsoleLauncher.LaunchOptions options) {
        session = new ConsoleSession(dirs, new FxTaskExecutor(), SandboxConnection.embedded(dirs), preferences);
        MainWindow window = new MainWindow(stage, session);
        // The one place the unexpected ends: logged in full, told to the operator in their language
        // in a dialog owned by the window, never as a stack trace.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            System.getLogger(App.class.getName()).log(System.Logger.Level.ERROR, "Uncaught exception on " + t.getName(), e);
            Platform.runLater(() -> window.showUnexpected(e));
        });
        if (options.startupOnly()) {
            return window;
        }
        Platform.runLater(options.smokeTest() ? session::connectSandbox : session::connect);
        if (options.smokeTest()) {
            new SmokeTest(window).start();
        } else if (options.screenshotDir() != null) {
            new ScreenshotTour(window, options.screenshotDir()).start();
        } else if (options.memoryProbeIds() != null) {
            new MemoryProbe(window, options.memoryProbeIds()).start();
        }
        return window;
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
    }
}
