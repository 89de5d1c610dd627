package dev.accountconsole.sandbox;

import picocli.CommandLine;

/** Runs {@link SandboxCommand} as a program of its own, for the tests that need a separate JVM. */
public final class SandboxCommandLauncher {
    private SandboxCommandLauncher() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SandboxCommand()).execute(args));
    }
}
