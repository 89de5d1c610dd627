package dev.accountconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accountconsole.api.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBulkTest {

    @Test
    void resultsPrintInInputOrderWhenCallsFinishOutOfOrder() throws Exception {
        List<String> phones = List.of("13800000001", "13800000002", "13800000003", "13800000004");
        // The first phone is answered only after the other three have been: it finishes last.
        CountDownLatch othersAnswered = new CountDownLatch(3);
        List<String> answerOrder = new CopyOnWriteArrayList<>();
        try (FakeGateway gw = new FakeGateway(r -> {
            String phone = r.params().path("phone").asText();
            if (phone.equals(phones.get(0))) {
                await(othersAnswered);
            }
            answerOrder.add(phone);
            MockResponse answer = FakeGateway.success(FakeGateway.account("id-" + phone, phone), "rid-" + phone);
            if (!phone.equals(phones.get(0))) {
                othersAnswered.countDown();
            }
            return answer;
        })) {
            CliRun run = CliRun.run("", "query-by-phone", phones.get(0), phones.get(1), phones.get(2), phones.get(3),
                    "--concurrency", "4", "--endpoint", gw.endpoint());

            assertThat(run.status()).isZero();
            assertThat(answerOrder.get(3)).isEqualTo(phones.get(0));
            assertThat(run.stdoutLines()).extracting(CliBulkTest::phoneOf).containsExactlyElementsOf(phones);
        }
    }

    @Test
    void everyItemIsAttemptedAndTheWorstStatusWins() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> {
            String id = r.params().path("identityId").asText();
            return switch (id) {
                case "bad-biz" -> FakeGateway.business(460, "identityId is blank", "identityId is blank", "rid-b");
                case "bad-gw" -> FakeGateway.gateway(503, "Service Unavailable", "rid-g");
                default -> FakeGateway.success("", "rid-" + id);
            };
        })) {
            CliRun run = CliRun.run("", "freeze", "ok-1", "bad-biz", "ok-2", "bad-gw", "ok-3",
                    "--endpoint", gw.endpoint(), "--language", "en-US");

            assertThat(run.status()).isEqualTo(3);
            assertThat(gw.requestCount()).isEqualTo(5);
            assertThat(run.stdoutLines()).containsExactly("\"\"", "\"\"", "\"\"");
            assertThat(run.stderrLines()).hasSize(2);
            assertThat(run.stderrLines().get(0)).contains("freeze bad-biz", "460", "rid-b");
            assertThat(run.stderrLines().get(1)).contains("freeze bad-gw", "HTTP 503", "Service Unavailable", "rid-g");
        }
    }

    @Test
    void inputFromStdinSkipsBlankLinesAndInvalidLinesFailAlone() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> {
            String phone = r.params().path("phone").asText();
            return FakeGateway.success(FakeGateway.account("id-" + phone, phone), "rid");
        })) {
            CliRun run = CliRun.run("13800000001\n\n   \n12\n13800000002\r\n", "query-by-phone", "--input", "-",
                    "--endpoint", gw.endpoint(), "--language", "en-US");

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.stdoutLines()).extracting(CliBulkTest::phoneOf)
                    .containsExactly("13800000001", "13800000002");
            assertThat(run.stderrLines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("query-by-phone 12", "4 to 15 digits"));
            assertThat(gw.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void listSplitsMoreThanFiftyIdsIntoCallsOfFiftyAndPrintsOneLinePerAccount(@TempDir Path dir) throws Exception {
        List<String> ids = IntStream.rangeClosed(1, 120).mapToObj(i -> String.format("505fop%04d", i)).toList();
        Path file = dir.resolve("ids.txt");
        Files.write(file, ids, StandardCharsets.UTF_8);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        try (FakeGateway gw = new FakeGateway(r -> {
            JsonNode requested = r.params().path("request").path("identityIds");
            batchSizes.add(requested.size());
            List<Object> found = new ArrayList<>();
            requested.forEach(id -> found.add(FakeGateway.account(id.asText(), null)));
            return FakeGateway.success(found, "rid");
        })) {
            CliRun run = CliRun.run("", "list", "--input", file.toString(), "--endpoint", gw.endpoint());

            assertThat(run.status()).isZero();
            assertThat(batchSizes).containsExactlyInAnyOrder(50, 50, 20);
            assertThat(run.stdoutLines()).extracting(line -> Json.MAPPER.readTree(line).path("identityId").asText())
                    .containsExactlyElementsOf(ids);
        }
    }

    @Test
    void badBulkUsageIsRefusedBeforeAnythingIsRead(@TempDir Path dir) {
        CliRun both = CliRun.run("", "freeze", "id-1", "--input", "-", "--language", "en-US");
        assertThat(both.status()).isEqualTo(1);
        assertThat(both.stderr()).contains("not both");

        CliRun none = CliRun.run("", "freeze", "--language", "en-US");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.stderr()).contains("at least one value");

        CliRun zero = CliRun.run("", "list", "id-1", "--concurrency", "0", "--language", "en-US");
        assertThat(zero.status()).isEqualTo(1);
        assertThat(zero.stderr()).contains("--concurrency");

        CliRun missing = CliRun.run("", "unfreeze", "--input", dir.resolve("absent.txt").toString(),
                "--language", "zh-CN");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.stderr()).contains("文件不存在", "absent.txt");
    }

    private static String phoneOf(String jsonLine) {
        try {
            return Json.MAPPER.readTree(jsonLine).path("phone").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the other calls never arrived: the window does not overlap calls");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
