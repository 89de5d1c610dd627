package dev.accountconsole.bulk;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} permits at most are available at once, refilled at
 * {@code perSecond}. A permit taken while the bucket is empty is lent against the future, so that
 * callers waiting out their reservations end up evenly spaced.
 *
 * <p>Thread-safe.
 */
public final class TokenBucket implements RateLimiter {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double perNano;
    private final double burst;
    private final LongSupplier ticker;
    private double tokens;
    private long last;

    /** @param ticker monotonic nanoseconds, like {@link System#nanoTime()} */
    public TokenBucket(double perSecond, int burst, LongSupplier ticker) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.ticker = ticker;
        this.last = ticker.getAsLong();
        this.tokens = burst;
    }

    @Override
    public synchronized long reserveNanos() {
        long now = ticker.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }
}
