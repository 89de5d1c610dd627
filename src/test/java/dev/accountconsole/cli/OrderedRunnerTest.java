package dev.accountconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OrderedRunnerTest {

    @Test
    void aHundredThousandItemsStreamInOrderWithABoundedNumberHeld() throws Exception {
        int total = 100_000;
        OrderedRunner runner = new OrderedRunner(8);
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger printed = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        AtomicLong flushes = new AtomicLong();

        // Generated on demand, like lines read from a file: nothing holds the whole input.
        Iterator<Callable<Outcome>> items = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return taken.get() < total;
            }

            @Override
            public Callable<Outcome> next() {
                int n = taken.getAndIncrement();
                mostHeld.accumulateAndGet(n + 1 - printed.get(), Math::max);
                return () -> {
                    if (ThreadLocalRandom.current().nextInt(50) == 0) {
                        Thread.yield();
                    }
                    return n % 1000 == 999 ? Outcome.failure(2, "item " + n)
                            : Outcome.success(Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
                };
            }
        };

        int status = runner.run(items, outcome -> {
            int expected = printed.getAndIncrement();
            String line = outcome.stderrLine() != null ? outcome.stderrLine()
                    : "item " + new String(outcome.stdoutLines().get(0), StandardCharsets.US_ASCII);
            assertThat(line).isEqualTo("item " + expected);
        }, flushes::incrementAndGet);

        assertThat(status).isEqualTo(2);
        assertThat(printed.get()).isEqualTo(total);
        assertThat(mostHeld.get()).isLessThanOrEqualTo(runner.window());
        assertThat(flushes.get()).isPositive().isLessThanOrEqualTo(total);
    }
}
