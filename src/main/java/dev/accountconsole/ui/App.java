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
        session = preferences != null
                ? new ConsoleSession(dirs, new FxTaskExecutor(), SandboxConnection.embedded(dirs), preferences)
                : new ConsoleSession(dirs, new FxTaskExecutor(), SandboxConnection.embedded(dirs));
        MainWindow window = new MainWindow(stage, session);
        // The one place the unexpected ends: logged in full, told to the operator in their language
        // in a dialog owned by the window, never as a stack trace.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            System.getLogger(App.class.getName()).log(System.Logger.Level.ERROR, "Uncaught exception on " + t.getName(), e);
            Platform.runLater(() -> window.showUnexpected(e));
        });
        ConsoleLauncher.LaunchOptions options = ConsoleLauncher.options();
        // --startup-only, the packaging's AOT training run: the window up to its first page, no sandbox, no call.
        window.showFrameFirst(options.startupOnly() ? Platform::exit : () -> { });
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
