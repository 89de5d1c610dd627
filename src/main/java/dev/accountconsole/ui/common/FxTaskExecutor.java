package dev.accountconsole.ui.common;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * Runs background tasks as {@link Task}s on a small bounded pool of daemon threads, so that a burst
 * of clicks can never spawn unbounded threads and a hung call can never keep the JVM alive.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final int THREADS = 4;
    private static final int QUEUE = 64;

    private final ThreadPoolExecutor pool;
    private final Set<BackgroundTask<?>> running = ConcurrentHashMap.newKeySet();

    public FxTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "console-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        Task<T> fxTask = new Task<>() {
            @Override
            protected T call() throws Exception {
                return task.call();
            }
        };
        fxTask.setOnSucceeded(e -> {
            running.remove(task);
            task.succeeded(fxTask.getValue());
        });
        fxTask.setOnFailed(e -> {
            running.remove(task);
            Throwable t = fxTask.getException();
            task.failed(t instanceof Exception ex ? ex : new RuntimeException(t));
        });
        running.add(task);
        try {
            pool.execute(fxTask);
        } catch (RejectedExecutionException e) {
            // Full queue or closing window: the caller learns it as a failure, never as a crash.
            running.remove(task);
            task.failed(e);
        }
    }

    @Override
    public void shutdown() {
        running.forEach(BackgroundTask::cancel);
        pool.shutdownNow();
    }
}
