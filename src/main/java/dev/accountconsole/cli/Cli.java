package dev.accountconsole.cli;

/** The headless command line of docs/cli.md. */
public final class Cli {
    private Cli() {
    }

    /** Runs one command line and returns the exit status. */
    public static int run(String[] args) {
        System.err.println("The command line is not built yet.");
        return 1;
    }
}
