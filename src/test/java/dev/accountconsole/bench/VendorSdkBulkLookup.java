package dev.accountconsole.bench;

import com.aliyun.iotx.api.client.IoTApiClientBuilderParams;
import com.aliyun.iotx.api.client.IoTApiRequest;
import com.aliyun.iotx.api.client.SyncApiClient;
import com.alibaba.cloudapi.sdk.model.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accountconsole.api.Json;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;

/**
 * The peer in the bulk-lookup benchmark: the vendor's own Java SDK doing what
 * {@code query-by-phone --input F --concurrency N} does, the way the vendor's sample code does it
 * (one {@code SyncApiClient} per thread), printing each {@code data} as a JSON line in input order.
 *
 * <p>Usage: {@code VendorSdkBulkLookup HOST:PORT APPKEY THREADS PHONES_FILE}, secret in
 * {@code ACCOUNT_CONSOLE_APP_SECRET}.
 */
public final class VendorSdkBulkLookup {
    private VendorSdkBulkLookup() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        String appKey = args[1];
        int threads = Integer.parseInt(args[2]);
        List<String> phones = Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8);
        String secret = System.getenv("ACCOUNT_CONSOLE_APP_SECRET");
        String[] results = new String[phones.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                IoTApiClientBuilderParams params = new IoTApiClientBuilderParams();
                params.setAppKey(appKey);
                params.setAppSecret(secret);
                SyncApiClient client = new SyncApiClient(params);
                for (int i = next.getAndIncrement(); i < phones.size(); i = next.getAndIncrement()) {
                    IoTApiRequest request = new IoTApiRequest();
                    request.setId(UUID.randomUUID().toString().replace("-", ""));
                    request.setApiVer("1.0.1");
                    request.putParam("phone", phones.get(i));
                    ApiResponse response = client.postBody(host, "/user/account/querybyphone", request, false);
                    JsonNode envelope = Json.MAPPER.readTree(response.getBody());
                    if (response.getCode() == 200 && envelope.path("code").asInt() == 200) {
                        results[i] = Json.MAPPER.writeValueAsString(envelope.get("data"));
                    } else {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            for (String r : results) {
                if (r != null) {
                    out.write(r);
                    out.write('\n');
                }
            }
        }
        if (failures.get() > 0) {
            System.err.println(failures.get() + " lookups failed");
            System.exit(2);
        }
    }
}
