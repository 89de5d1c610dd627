package dev.accountconsole.ui.common;

/** Runs {@link BackgroundTask}s: off the JavaFX thread in the app, inline in view-model tests. */
public interface TaskExecutor {
    <T> void execute(BackgroundTask<T> task);

    /** Stops accepting work and cancels what is running. */
    void shutdown();
}
