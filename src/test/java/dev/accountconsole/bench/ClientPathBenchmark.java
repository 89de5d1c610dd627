package dev.accountconsole.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.Envelope;
import dev.accountconsole.api.GatewaySigning;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.RequestSigner;
import dev.accountconsole.api.Secret;
import dev.accountconsole.api.SignatureMethod;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client's per-request CPU work without the network: envelope encoding, Content-MD5 and the
 * HMAC signature. Run with {@code bench/jmh.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClientPathBenchmark {
    private final RequestSigner signer = new RequestSigner("24681357", Secret.of("0123456789abcdef0123456789abcdef"),
            SignatureMethod.HMAC_SHA256);
    private final ObjectNode params = Json.MAPPER.createObjectNode().put("phone", "13800001111");
    private final byte[] body = Envelope.encodeRequest("0123456789abcdef0123456789abcdef",
            ApiOperation.QUERY_BY_PHONE, null, "en-US", params);
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Benchmark
    public byte[] encodeEnvelope() {
        return Envelope.encodeRequest("0123456789abcdef0123456789abcdef", ApiOperation.QUERY_BY_PHONE, null, "en-US",
                params);
    }

    @Benchmark
    public String contentMd5() {
        return GatewaySigning.contentMd5(body);
    }

    @Benchmark
    public Map<String, String> signRequest() {
        return signer.sign(ApiOperation.QUERY_BY_PHONE.path(), body, now, "5f3c5a4e-6b8f-4d6e-9d1c-2a7b9e0c1d2f");
    }
}
