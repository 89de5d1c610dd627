package dev.accountconsole.cli;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a lazily produced stream of items on a fixed pool and hands their outcomes, in input order,
 * to one consumer on the calling thread.
 *
 * <p>Memory stays flat however long the input: at most {@code window} items are taken from the
 * iterator and not yet printed, which also bounds the reordering (a slow head holds back at most
 * that many finished results). The window is twice the pool so that workers are not left idle
 * while the head is printed. Every finished run at the head is printed before the next item is
 * read, so a slow producer on a pipe still sees results promptly.
 */
final class OrderedRunner {
    private final int concurrency;
    private final int window;

    OrderedRunner(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
        this.concurrency = concurrency;
        this.window = concurrency * 2;
    }

    int window() {
        return window;
    }

    /**
     * @param sink called on this thread, in input order
     * @param headRunDone called on this thread after each run of finished heads has gone to the sink
     * @return the worst status seen
     * @throws InterruptedException when this thread is interrupted; items in flight are abandoned
     */
    int run(Iterator<Callable<Outcome>> items, Consumer<Outcome> sink, Runnable headRunDone)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, new WorkerThreads());
        try {
            ArrayDeque<Future<Outcome>> inFlight = new ArrayDeque<>(window);
            int worst = ExitStatus.OK;
            while (true) {
                worst = ExitStatus.worst(worst, printFinishedHeads(inFlight, sink, headRunDone));
                if (inFlight.size() < window && items.hasNext()) {
                    inFlight.add(pool.submit(items.next()));
                    continue;
                }
                Future<Outcome> head = inFlight.peek();
                if (head == null) {
                    return worst;
                }
                // Only waits; the next turn prints it together with whatever finished behind it.
                outcomeOf(head);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int printFinishedHeads(ArrayDeque<Future<Outcome>> inFlight, Consumer<Outcome> sink,
                                          Runnable headRunDone) throws InterruptedException {
        int worst = ExitStatus.OK;
        boolean printed = false;
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            Outcome outcome = outcomeOf(inFlight.poll());
            sink.accept(outcome);
            worst = ExitStatus.worst(worst, outcome.status());
            printed = true;
        }
        if (printed) {
            headRunDone.run();
        }
        return worst;
    }

    private static Outcome outcomeOf(Future<Outcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // Items map their own failures to outcomes; reaching here is a bug, reported as one line.
            throw new IllegalStateException("an item failed without an outcome", e.getCause());
        }
    }

    /** Daemon threads, so that a stuck call can never keep the process alive after the result is printed. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "cli-worker-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
