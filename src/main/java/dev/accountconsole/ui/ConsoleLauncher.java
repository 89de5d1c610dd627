package dev.accountconsole.ui;

/** Opens the console window. */
public final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    public static void launch(String[] args) {
        System.err.println("The console is not built yet.");
        System.exit(1);
    }
}
