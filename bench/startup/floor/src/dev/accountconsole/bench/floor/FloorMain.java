package dev.accountconsole.bench.floor;

import javafx.application.Application;

/**
 * The start-up floor: an empty JavaFX window, packaged exactly like the console so that the
 * benchmark compares like with like. A plain launcher class, as in the console, so JavaFX starts
 * the same way. {@code --smoke-test} closes the window after its first frame and exits 0; the
 * build uses it as the class-data training run, the same flag the console uses.
 */
public final class FloorMain {
    private FloorMain() {
    }

    public static void main(String[] args) {
        Application.launch(FloorApp.class, args);
    }
}
