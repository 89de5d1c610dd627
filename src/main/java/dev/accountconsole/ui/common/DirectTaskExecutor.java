package dev.accountconsole.ui.common;

/** Runs each task at once on the caller's thread: view-model tests need no toolkit and no waiting. */
public final class DirectTaskExecutor implements TaskExecutor {
    @Override
    public <T> void execute(BackgroundTask<T> task) {
        T value;
        try {
            value = task.call();
        } catch (Exception e) {
            task.failed(e);
            return;
        }
        task.succeeded(value);
    }

    @Override
    public void shutdown() {
    }
}
