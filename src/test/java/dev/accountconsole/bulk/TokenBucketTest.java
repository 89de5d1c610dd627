package dev.accountconsole.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void callersThatWaitOutTheirReservationsAreEvenlySpaced() {
        AtomicLong now = new AtomicLong(1_000 * MS);
        TokenBucket bucket = new TokenBucket(5, 1, now::get);
        List<Long> sendTimes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            now.addAndGet(bucket.reserveNanos());
            sendTimes.add((now.get() - 1_000 * MS) / MS);
        }
        assertThat(sendTimes).containsExactly(0L, 200L, 400L, 600L, 800L, 1000L);
    }

    @Test
    void idleTimeBuysAtMostTheBurst() {
        AtomicLong now = new AtomicLong();
        TokenBucket bucket = new TokenBucket(10, 2, now::get);
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertThat(bucket.reserveNanos()).isZero();
        assertThat(bucket.reserveNanos()).isZero();
        assertThat(bucket.reserveNanos()).isEqualTo(100 * MS);
    }
}
