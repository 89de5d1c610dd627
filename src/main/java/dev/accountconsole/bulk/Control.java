package dev.accountconsole.bulk;

import dev.accountconsole.api.Cancellation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pause, resume and cancel for one pass over a job, shared by its worker threads and the threads that ask.
 * Waits (pause, rate pacing) are on a condition that a cancel signals, so a cancel takes effect at
 * once and never by interrupting the worker (an interrupt would close the job file's channel mid-write).
 */
final class Control {
    /** How often a wait looks at an outside {@link Cancellation}, which cannot signal the condition. */
    private static final long EXTERNAL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Thrown inside the worker to unwind once a cancel is seen. */
    static final class Stopped extends Exception {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Cancellation external;
    private final Set<Cancellation> calls = new HashSet<>();
    private boolean pauseRequested;
    private boolean cancelled;

    /** @param external a caller's token that also cancels (dry runs), or null */
    Control(Cancellation external) {
        this.external = external;
    }

    /** A token for one gateway call, through which a cancel stops it; hand it back with {@link #done}. */
    Cancellation newCall() {
        if (external != null) {
            return external;
        }
        lock.lock();
        try {
            Cancellation call = new Cancellation();
            if (cancelled) {
                call.cancel();
            }
            calls.add(call);
            return call;
        } finally {
            lock.unlock();
        }
    }

    void done(Cancellation call) {
        lock.lock();
        try {
            calls.remove(call);
        } finally {
            lock.unlock();
        }
    }

    void cancel() {
        List<Cancellation> inFlight;
        lock.lock();
        try {
            cancelled = true;
            inFlight = List.copyOf(calls);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        inFlight.forEach(Cancellation::cancel);
    }

    boolean isPauseRequested() {
        lock.lock();
        try {
            return pauseRequested;
        } finally {
            lock.unlock();
        }
    }

    void pause() {
        lock.lock();
        try {
            pauseRequested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void resume() {
        lock.lock();
        try {
            pauseRequested = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isCancelled() {
        lock.lock();
        try {
            return cancelled || (external != null && external.isCancelled());
        } finally {
            lock.unlock();
        }
    }

    void throwIfCancelled() throws Stopped {
        if (isCancelled()) {
            throw new Stopped();
        }
    }

    /** Waits {@code nanos} for the rate limit, cut short by a cancel. */
    void pace(long nanos) throws Stopped {
        long deadline = System.nanoTime() + nanos;
        lock.lock();
        try {
            while (!isCancelled()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                changed.awaitNanos(external == null ? left : Math.min(left, EXTERNAL_POLL_NANOS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } finally {
            lock.unlock();
        }
        throw new Stopped();
    }

    /**
     * Between rows: when a pause was asked, calls {@code onPause}, waits for resume or cancel, then
     * calls {@code onResume}. Returns whether it paused, so that the caller knows what it read before
     * may be stale.
     */
    boolean checkpoint(Runnable onPause, Runnable onResume) throws Stopped {
        throwIfCancelled();
        lock.lock();
        try {
            if (!pauseRequested) {
                return false;
            }
        } finally {
            lock.unlock();
        }
        onPause.run();
        lock.lock();
        try {
            while (pauseRequested && !cancelled) {
                changed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } finally {
            lock.unlock();
        }
        throwIfCancelled();
        onResume.run();
        return true;
    }
}
