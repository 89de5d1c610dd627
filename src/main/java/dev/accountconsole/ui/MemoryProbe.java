package dev.accountconsole.ui;

import dev.accountconsole.ui.search.SearchMode;
import dev.accountconsole.ui.search.SearchViewModel;

/**
 * {@code --memory-probe FILE}, for {@code bench/console-memory.sh}: once the sandbox is ready, pastes
 * the identityIds of FILE into the list search, runs it, prints one line when the results are shown
 * and leaves the window open, so that the script can read the process's resident memory in the
 * state an operator would be in.
 */
final class MemoryProbe {
    private final MainWindow window;
    private final String identityIds;
    private boolean searched;

    MemoryProbe(MainWindow window, String identityIds) {
        this.window = window;
        this.identityIds = identityIds;
    }

    void start() {
        ConsoleSession session = window.session();
        session.connectionStateProperty().addListener((obs, o, s) -> onState(s));
        onState(session.connectionStateProperty().get());
    }

    private void onState(ConnectionState state) {
        if (state == ConnectionState.FAILED) {
            System.err.println("memory probe: the sandbox did not start");
        } else if (state == ConnectionState.READY && !searched) {
            searched = true;
            SearchViewModel search = window.workspace().search();
            search.modeProperty().set(SearchMode.IDENTITY_IDS);
            search.identityIdsProperty().set(identityIds);
            search.busyProperty().addListener((obs, was, busy) -> {
                if (!busy) {
                    System.out.println("memory probe: " + search.summaryProperty().get());
                }
            });
            search.search();
        }
    }
}
