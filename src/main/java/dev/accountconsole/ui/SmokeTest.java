package dev.accountconsole.ui;

import dev.accountconsole.ui.search.SearchMode;
import dev.accountconsole.ui.search.SearchViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * {@code --smoke-test}: with the window open, waits for the sandbox, runs one search through the
 * real view model, and exits 0; any failure or a minute without an answer exits 1 with the reason
 * on stderr. Installers run it to prove the packaged console starts and works.
 */
final class SmokeTest {
    private static final Duration LIMIT = Duration.seconds(60);

    private final MainWindow window;
    private boolean searched;

    SmokeTest(MainWindow window) {
        this.window = window;
    }

    void start() {
        PauseTransition deadline = new PauseTransition(LIMIT);
        deadline.setOnFinished(e -> fail("no answer within " + (int) LIMIT.toSeconds() + " s"));
        deadline.play();
        ConsoleSession session = window.session();
        session.connectionStateProperty().addListener((obs, o, s) -> onState(s));
        onState(session.connectionStateProperty().get());
    }

    private void onState(ConnectionState state) {
        if (state == ConnectionState.FAILED) {
            fail("could not start the sandbox: " + window.session().connectionDetailProperty().get());
        } else if (state == ConnectionState.READY && !searched) {
            searched = true;
            search();
        }
    }

    private void search() {
        SearchViewModel search = window.workspace().search();
        search.modeProperty().set(SearchMode.PHONE);
        search.phoneProperty().set(dev.accountconsole.sandbox.DemoData.phone(0));
        search.busyProperty().addListener((obs, was, busy) -> {
            if (!busy) {
                if (search.problemProperty().get() != null) {
                    fail("search failed: " + search.problemProperty().get().message());
                } else {
                    System.out.println("smoke test passed: " + search.summaryProperty().get()
                            + " (request " + window.session().lastRequestIdProperty().get() + ")");
                    exit(0);
                }
            }
        });
        search.search();
    }

    private void fail(String reason) {
        System.err.println("smoke test failed: " + reason);
        exit(1);
    }

    private void exit(int code) {
        window.session().close();
        Platform.exit();
        // Platform.exit ends the toolkit; the exit code needs System.exit.
        new Thread(() -> System.exit(code), "smoke-exit").start();
    }
}
