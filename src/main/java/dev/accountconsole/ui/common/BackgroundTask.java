package dev.accountconsole.ui.common;

import dev.accountconsole.api.Cancellation;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One piece of blocking work (usually one gateway call) with its outcome handlers. The handlers run
 * on the JavaFX thread under {@link FxTaskExecutor}, so view models update their properties there
 * without any {@code Platform.runLater} of their own.
 */
public final class BackgroundTask<T> {

    /** The blocking part; it should stop early when {@code cancellation} is cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Cancellation cancellation) throws Exception;
    }

    private final Work<T> work;
    private final Cancellation cancellation = new Cancellation();
    private Consumer<T> onSuccess = v -> { };
    private Consumer<Exception> onFailure = e -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> wrap(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Handlers accumulate: a shared one (status bar) and the caller's own both run, in order. */
    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        onSuccess = onSuccess.andThen(handler);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Exception> handler) {
        onFailure = onFailure.andThen(handler);
        return this;
    }

    /** Runs after success or failure, e.g. to clear a "running" flag. */
    public BackgroundTask<T> onFinished(Runnable handler) {
        Runnable before = onFinished;
        onFinished = () -> {
            before.run();
            handler.run();
        };
        return this;
    }

    public BackgroundTask<T> executeWith(TaskExecutor executor) {
        executor.execute(this);
        return this;
    }

    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    T call() throws Exception {
        return work.run(cancellation);
    }

    void succeeded(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            onFinished.run();
        }
    }

    void failed(Exception e) {
        try {
            onFailure.accept(e);
        } finally {
            onFinished.run();
        }
    }
}
