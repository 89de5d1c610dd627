package dev.accountconsole.cli;

/**
 * The exit statuses of docs/cli.md. In bulk mode the worst one wins, and "worst" is simply the
 * highest number: a network failure says more about the run than a business refusal does.
 */
final class ExitStatus {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int BUSINESS = 2;
    static final int GATEWAY = 3;
    static final int TRANSPORT = 4;

    private ExitStatus() {
    }

    static int worst(int a, int b) {
        return Math.max(a, b);
    }
}
