package th.integrity.stats.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON a publication's checksum is computed over: UTF-8, object members sorted by name (in
 * UTF-16 code unit order, as {@link String#compareTo}), array order kept, no whitespace between tokens,
 * strings and numbers written by Jackson (minimal escaping; integers without a fraction, decimals as
 * {@link Double#toString}-like shortest form). Anyone can recompute it: parse the published {@code table}, write
 * it this way, SHA-256 the bytes, compare with {@code checksum.value} (lower-case hex).
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(JsonMapper json, Object value) {
        JsonNode tree = value instanceof JsonNode node ? node : json.valueToTree(value);
        StringBuilder out = new StringBuilder(4096);
        append(json, tree, out);
        return out.toString();
    }

    private static void append(JsonMapper json, JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(json.writeValueAsString(members.get(i).getKey())).append(':');
                append(json, members.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(json, node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(json.writeValueAsString(node));
        }
    }

    /** SHA-256 of the UTF-8 bytes, lower-case hex. */
    public static String sha256(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
