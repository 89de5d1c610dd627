package dev.accountconsole.sandbox;

/**
 * A token bucket for one AppKey: {@code rate} requests a second on average, bursts of up to one
 * second's worth (at least one request).
 */
final class RateLimiter {
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;

    RateLimiter(double requestsPerSecond, long nowNanos) {
        this.ratePerNano = requestsPerSecond / 1e9;
        this.capacity = Math.max(1, requestsPerSecond);
        this.tokens = capacity;
        this.last = nowNanos;
    }

    synchronized boolean tryAcquire(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * ratePerNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
