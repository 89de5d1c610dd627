package dev.accountconsole.bench.floor;

import javafx.application.Application;

/**
 * The start-up floor: an empty JavaFX window, packaged exactly like the console so that the
 * benchmark compares like with like. A plain launcher class, as in the console, so JavaFX starts
 * the same way. {@code --startup-only} (the build's AOT training run, the same flag the console
 * takes) and {@code --smoke-test} close the window after its first frame and exit 0.
 */
public final class FloorMain {
    private FloorMain() {
    }

    public static void main(String[] args) {
        Application.launch(FloorApp.class, args);
    }
}
