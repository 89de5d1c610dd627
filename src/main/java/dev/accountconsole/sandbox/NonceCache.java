package dev.accountconsole.sandbox;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nonces seen per AppKey, each remembered until no request carrying it could pass the timestamp
 * check again. Expired entries are swept by whichever request notices the sweep is due, so there is
 * no extra thread. Bounded: past {@link #MAX_ENTRIES} a nonce cannot be remembered, and the request is
 * refused (503) rather than let a replay through.
 */
final class NonceCache {
    /** About 400 s of 5,000 signed requests a second; some 300 MB at worst. */
    static final int MAX_ENTRIES = 2_000_000;
    private static final long SWEEP_EVERY_MILLIS = 10_000;

    private final ConcurrentHashMap<String, Long> expiries = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    enum Outcome { FIRST_USE, REPLAY, FULL }

    /**
     * Records a nonce.
     *
     * @param expiresAt when the nonce may be forgotten (epoch ms)
     */
    Outcome record(String appKey, String nonce, long expiresAt, long now) {
        sweepIfDue(now);
        if (expiries.size() >= MAX_ENTRIES) {
            return Outcome.FULL;
        }
        boolean[] fresh = new boolean[1];
        expiries.compute(appKey + '\n' + nonce, (k, old) -> {
            if (old == null || old <= now) {
                fresh[0] = true;
                return expiresAt;
            }
            return old;
        });
        return fresh[0] ? Outcome.FIRST_USE : Outcome.REPLAY;
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now < due || !sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            nextSweep.set(now + SWEEP_EVERY_MILLIS);
            expiries.values().removeIf(expiry -> expiry <= now);
        } finally {
            sweeping.set(false);
        }
    }
}
