package dev.accountconsole.bulk;

/**
 * Bounds how fast a job calls the gateway. The engine asks before every call and waits the answer out
 * itself, so that a pause or a cancel interrupts the wait and tests need no sleeping.
 */
public interface RateLimiter {
    /** The default pace: gentle enough for a shared AppKey's rate limit. */
    double DEFAULT_PER_SECOND = 5;

    /** Takes one permit; returns how long to wait, in nanoseconds, before using it (0: now). */
    long reserveNanos();

    /** Evenly spaced calls at {@code perSecond}, on the system's monotonic clock. */
    static RateLimiter perSecond(double perSecond) {
        return new TokenBucket(perSecond, 1, System::nanoTime);
    }

    /** No bound, for tests and for sandbox-only use. */
    static RateLimiter unlimited() {
        return () -> 0;
    }
}
