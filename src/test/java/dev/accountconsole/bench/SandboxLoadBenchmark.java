package dev.accountconsole.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.ApiResponse;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.Secret;
import dev.accountconsole.sandbox.DemoData;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for the sandbox (not a test): signed requests through the project's own
 * {@link GatewayClient}, from N client threads on keep-alive connections, for a warm-up and then a
 * measured period. Prints one line: operation, clients, requests/s, p50 and p99 in ms, errors.
 *
 * <p>Modes: {@code querybyphone} (phones of the seeded demo accounts, at random), {@code register}
 * (new phones, no password; the acknowledged identityIds are appended to {@code --ids-out}), and
 * {@code verify} (reads {@code --ids-out} back and counts the accounts that exist).
 *
 * <pre>
 * ACCOUNT_CONSOLE_APP_SECRET=... java -cp ... dev.accountconsole.bench.SandboxLoadBenchmark \
 *     --endpoint http://127.0.0.1:18080 --app-key 24681357 --mode querybyphone --clients 16 \
 *     --accounts 100000 --warmup-s 5 --duration-s 10
 * </pre>
 */
public final class SandboxLoadBenchmark {
    private SandboxLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = arg(args, "--endpoint", "http://127.0.0.1:18080");
        String appKey = arg(args, "--app-key", "24681357");
        String mode = arg(args, "--mode", "querybyphone");
        int clients = Integer.parseInt(arg(args, "--clients", "1"));
        int accounts = Integer.parseInt(arg(args, "--accounts", "100000"));
        int warmup = Integer.parseInt(arg(args, "--warmup-s", "5"));
        int duration = Integer.parseInt(arg(args, "--duration-s", "10"));
        long phoneBase = Long.parseLong(arg(args, "--phone-base", "0"));
        Path idsOut = Path.of(arg(args, "--ids-out", "bench-register-ids.txt"));
        String secret = System.getenv("ACCOUNT_CONSOLE_APP_SECRET");
        if (secret == null) {
            System.err.println("set ACCOUNT_CONSOLE_APP_SECRET");
            System.exit(1);
        }
        GatewayClient client = new GatewayClient(new ClientSettings(URI.create(endpoint), appKey, Secret.of(secret))
                .withTimeoutMillis(10_000));
        if (mode.equals("verify")) {
            verify(client, idsOut);
            return;
        }
        run(client, mode, clients, accounts, warmup, duration, phoneBase, idsOut);
    }

    private static void run(GatewayClient client, String mode, int clients, int accounts, int warmupSeconds,
                            int durationSeconds, long phoneBase, Path idsOut) throws Exception {
        boolean register = mode.equals("register");
        AtomicLong nextPhone = new AtomicLong(phoneBase);
        String[] phones = new String[register ? 0 : accounts];
        for (int i = 0; i < phones.length; i++) {
            phones[i] = DemoData.phone(i);
        }
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + durationSeconds * 1_000_000_000L;
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] errors = new long[clients];
        List<List<String>> ids = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int me = c;
            List<String> myIds = new ArrayList<>();
            ids.add(myIds);
            Thread t = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(me * 31L + 7);
                long[] lat = new long[1 << 16];
                int n = 0;
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        ObjectNode params = Json.MAPPER.createObjectNode();
                        ApiOperation op;
                        if (register) {
                            op = ApiOperation.REGISTER;
                            params.put("phone", String.format(Locale.ROOT, "14%09d", nextPhone.getAndIncrement()));
                        } else {
                            op = ApiOperation.QUERY_BY_PHONE;
                            params.put("phone", phones[random.nextInt(accounts)]);
                        }
                        try {
                            ApiResponse r = client.call(op, params);
                            if (register) {
                                myIds.add(r.data().asText());
                            }
                        } catch (Exception e) {
                            if (start >= warmupEnd) {
                                errors[me]++;
                            }
                            continue;
                        }
                        long finished = System.nanoTime();
                        if (start >= warmupEnd && finished <= end) {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = finished - start;
                        }
                    }
                } finally {
                    latencies[me] = lat;
                    counts[me] = n;
                    done.countDown();
                }
            }, "load-" + c);
            t.start();
        }
        done.await();
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        long[] all = new long[total];
        int at = 0;
        long errorCount = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
            errorCount += errors[c];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "%-13s clients=%2d  %8.0f req/s  p50=%6.2f ms  p99=%6.2f ms  errors=%d%n",
                mode, clients, total / (double) durationSeconds, percentile(all, 0.50), percentile(all, 0.99), errorCount);
        if (register) {
            StringBuilder sb = new StringBuilder();
            for (List<String> l : ids) {
                for (String id : l) {
                    sb.append(id).append('\n');
                }
            }
            Files.writeString(idsOut, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.exit(0);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Counts the acknowledged registrations that are present (after kill -9 and restart). */
    private static void verify(GatewayClient client, Path idsFile) throws IOException {
        List<String> ids = Files.readAllLines(idsFile, StandardCharsets.UTF_8);
        long present = 0;
        for (int from = 0; from < ids.size(); from += 50) {
            ObjectNode params = Json.MAPPER.createObjectNode();
            params.putObject("request").putPOJO("identityIds", ids.subList(from, Math.min(ids.size(), from + 50)));
            try {
                present += client.call(ApiOperation.QUERY_IDENTITY_LIST, params).data().size();
            } catch (Exception e) {
                System.err.println("verify failed: " + e.getMessage());
                System.exit(2);
            }
        }
        System.out.printf(Locale.ROOT, "verify: %d of %d acknowledged registrations present after kill -9%n",
                present, ids.size());
        System.exit(present == ids.size() ? 0 : 3);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
