package dev.accountconsole.bench;

import dev.accountconsole.sandbox.DemoData;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Prints the phones of the first N demo accounts, one a line, shuffled by a fixed stride so that
 * consecutive lookups do not walk the index in insertion order. Usage: {@code DemoPhones SEEDED N}.
 */
public final class DemoPhones {
    private DemoPhones() {
    }

    public static void main(String[] args) throws Exception {
        int seeded = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            for (long k = 0; k < n; k++) {
                out.write(DemoData.phone((int) ((k * 7_919L) % seeded)));
                out.write('\n');
            }
        }
    }
}
