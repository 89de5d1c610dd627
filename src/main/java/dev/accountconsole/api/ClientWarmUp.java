package dev.accountconsole.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Runs the signed client's request path once, without the network, on a background thread: the
 * JSON mapper, the envelope, Content-MD5, the HMAC, the nonce's random source, OkHttp's request and
 * call, and the decoding of an answer. A command line about to call the gateway starts it before it
 * parses its arguments, so that loading and initialising those classes overlaps picocli's parsing
 * on a second core instead of holding up the first request. Nothing is sent and nothing is kept: the
 * key is a throwaway one, and a failure here only means the first real call does the work itself.
 */
public final class ClientWarmUp {
    private static final System.Logger LOG = System.getLogger(ClientWarmUp.class.getName());
    private static final byte[] ANSWER = ("{\"id\":\"0\",\"code\":200,\"message\":\"success\",\"localizedMsg\":null,"
            + "\"data\":{\"identityId\":\"0\",\"gmtCreate\":0,\"frozen\":false}}").getBytes(StandardCharsets.UTF_8);

    private ClientWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void startInBackground() {
        Thread thread = new Thread(ClientWarmUp::run, "client-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    static void run() {
        try {
            GatewayClient client = new GatewayClient(new ClientSettings(URI.create("http://127.0.0.1"), "warm-up",
                    Secret.of("warm-up")));
            ObjectNode params = Json.MAPPER.createObjectNode().put("phone", "13800000000");
            String requestId = GatewayClient.newId();
            byte[] body = Envelope.encodeRequest(requestId, ApiOperation.QUERY_BY_PHONE, null, "en-US", params);
            client.http().newCall(client.signedRequest(ApiOperation.QUERY_BY_PHONE, body, requestId));
            Json.MAPPER.writeValueAsBytes(Envelope.decodeResponse(ANSWER).data());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "client warm-up: {0}", e.toString());
        }
    }
}
