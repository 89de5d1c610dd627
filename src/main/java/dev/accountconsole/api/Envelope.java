package dev.accountconsole.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Encodes the request envelope and decodes the response envelope (gateway-protocol.md, section 2). */
public final class Envelope {
    public static final String VERSION = "1.0";

    private Envelope() {
    }

    /** The request body: {@code {id, version, request:{apiVer, iotToken?, language?}, params}}. */
    public static byte[] encodeRequest(String id, ApiOperation op, String iotToken, String language, ObjectNode params) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", id);
        root.put("version", VERSION);
        ObjectNode request = root.putObject("request");
        request.put("apiVer", op.apiVersion());
        if (iotToken != null) {
            request.put("iotToken", iotToken);
        }
        if (language != null) {
            request.put("language", language);
        }
        root.set("params", params == null ? Json.MAPPER.createObjectNode() : params);
        try {
            return Json.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** A decoded response envelope. {@code data} is a {@link MissingNode} when absent. */
    public record Response(String id, int code, String message, String localizedMsg, JsonNode data) {
        public boolean isSuccess() {
            return code == 200;
        }
    }

    /**
     * Decodes a response body.
     *
     * @throws IOException when the body is not a JSON object with a numeric {@code code}
     */
    public static Response decodeResponse(byte[] body) throws IOException {
        JsonNode root = Json.MAPPER.readTree(body);
        if (root == null || !root.isObject() || !root.path("code").canConvertToInt()) {
            throw new IOException("not a response envelope");
        }
        return new Response(text(root.get("id")), root.get("code").asInt(), text(root.get("message")),
                text(root.get("localizedMsg")), root.path("data"));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
