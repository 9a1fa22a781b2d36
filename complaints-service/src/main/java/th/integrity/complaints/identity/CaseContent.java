package th.integrity.complaints.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.SecretKey;

import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Seals the free text of a case (what tells its story) under the case's own data key, at the level of the stored
 * BSON document, and opens it again when the case is read: the rest of the service only ever sees plain values, in
 * memory. Which values are sealed is an allowlist of paths ({@link #PATHS}); everything else of the case (agency,
 * status, category, channel, dates, deadlines, case number, codes, counts) stays clear because officers filter,
 * sort and count by it.
 *
 * <p>A sealed value is stored as {@code {keyId: "case", nonce, ciphertext}} (the shape of {@link Sealed}) in place
 * of the string, bound (AES-GCM additional data) to the agency, the case and the path, so a sealed note copied into
 * a message, or into another case, does not open. A string still in clear (written before sealing existed) reads
 * as it is; the start-up re-seal turns it into a sealed value ({@code complaint.SealedAtRest}). Once the case's key
 * is destroyed (retention purge) a sealed value reads as absent.
 */
@Component
public class CaseContent {

    /**
     * Top-level field → the path within it (dot-separated, through arrays) of each string that is sealed; "" is
     * the field itself. Kept clear on purpose: codes (category, subcategory, division, forwarding body, closure
     * reason), dates, the case number, the officers' token subjects and display names, the referral letter's own
     * reference (the agency's outgoing number, kept after the purge like the case number).
     */
    public static final Map<String, List<String>> PATHS = Map.of(
            "details", List.of(""),
            "location", List.of(""),
            "letterRef", List.of(""),
            "messages", List.of("text"),
            "notes", List.of("text"),
            "history", List.of("reason"),
            "referral", List.of("answers.summary"));

    private final CaseKeys keys;
    private final IdentityCipher cipher;

    CaseContent(CaseKeys keys, IdentityCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    /** Whether values stored under this top-level field are sealed. */
    public static boolean holdsContent(String field) {
        return PATHS.containsKey(field);
    }

    /**
     * Seals, in place, every content string of a stored case document (its {@code _id} and {@code agency} name the
     * key). Values already sealed are left as they are. @return whether anything was sealed
     */
    public boolean seal(Document complaint) {
        String agency = complaint.getString("agency");
        String caseId = complaint.getString("_id");
        Supplier<SecretKey> key = lazyKey(agency, caseId);
        boolean changed = false;
        for (String field : PATHS.keySet()) {
            if (complaint.containsKey(field)) {
                Object before = complaint.get(field);
                Object after = seal(agency, caseId, field, before, key);
                if (after != before) {
                    complaint.put(field, after);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /**
     * The stored form of {@code value} (a BSON value: a string, a document or a list of them) written to top-level
     * field {@code field} of case {@code caseId}; the same object when nothing in it is content.
     */
    public Object seal(String agency, String caseId, String field, Object value) {
        return seal(agency, caseId, field, value, lazyKey(agency, caseId));
    }

    private Object seal(String agency, String caseId, String field, Object value, Supplier<SecretKey> key) {
        List<String> paths = PATHS.get(field);
        if (paths == null) {
            return value;
        }
        Object out = value;
        for (String path : paths) {
            out = walk(out, path.isEmpty() ? List.of() : List.of(path.split("\\.")), (plain, sealedPath) ->
                    plain instanceof String s
                            ? toBson(cipher.sealWith(key.get(), s, binding(agency, caseId, field, sealedPath)))
                            : plain, path);
        }
        return out;
    }

    /**
     * Opens, in place, every sealed value of these stored case documents, fetching their keys in one read. A value
     * whose key was destroyed becomes null.
     *
     * @throws IllegalStateException when a sealed value was altered or moved (it does not open under its binding)
     */
    public void open(Collection<Document> complaints) {
        List<Document> sealedOnes = complaints.stream().filter(CaseContent::holdsSealed).toList();
        if (sealedOnes.isEmpty()) {
            return;
        }
        Map<String, CaseKeys.CaseKey> stored = keys.findAll(sealedOnes.stream().map(d -> d.getString("_id")).toList());
        Map<String, Optional<SecretKey>> opened = new HashMap<>();
        for (Document complaint : sealedOnes) {
            String agency = complaint.getString("agency");
            String caseId = complaint.getString("_id");
            Optional<SecretKey> key = opened.computeIfAbsent(caseId,
                    id -> Optional.ofNullable(stored.get(id)).map(k -> keys.unwrap(k, agency)));
            for (Map.Entry<String, List<String>> field : PATHS.entrySet()) {
                if (!complaint.containsKey(field.getKey())) {
                    continue;
                }
                Object value = complaint.get(field.getKey());
                for (String path : field.getValue()) {
                    value = walk(value, path.isEmpty() ? List.of() : List.of(path.split("\\.")), (v, p) ->
                            sealed(v) == null ? v : key.map(k -> cipher.openWith(k, sealed(v),
                                    binding(agency, caseId, field.getKey(), p))).orElse(null), path);
                }
                complaint.put(field.getKey(), value);
            }
        }
    }

    /**
     * A free text about a case kept outside its document (an identity request's reason, the head's note on it, a
     * reveal's reason), sealed under the case's key and bound to {@code where} it is stored, so it opens only
     * there. It dies with the case's key at the retention purge, as the story does; who acted and when stay clear.
     */
    public Document sealText(String agency, String caseId, String where, String text) {
        return text == null ? null
                : toBson(cipher.sealWith(keys.keyFor(agency, caseId), text, binding(agency, caseId, where, "")));
    }

    /**
     * The text {@link #sealText} stored: a string written before sealing reads as it is; null once the case's key
     * was destroyed.
     *
     * @throws IllegalStateException when the value was altered or moved (it does not open under its binding)
     */
    public String openText(String agency, String caseId, String where, Object stored) {
        if (stored instanceof String clear) {
            return clear;
        }
        Sealed sealed = sealed(stored);
        return sealed == null ? null
                : keys.find(agency, caseId).map(k -> cipher.openWith(k, sealed, binding(agency, caseId, where, "")))
                        .orElse(null);
    }

    /** Whether a stored case document still holds content in clear (written before sealing existed). */
    public static boolean holdsClear(Document complaint) {
        boolean[] found = { false };
        PATHS.forEach((field, paths) -> paths.forEach(path -> walk(complaint.get(field),
                path.isEmpty() ? List.of() : List.of(path.split("\\.")), (v, p) -> {
                    found[0] |= v instanceof String;
                    return v;
                }, path)));
        return found[0];
    }

    private static boolean holdsSealed(Document complaint) {
        boolean[] found = { false };
        PATHS.forEach((field, paths) -> paths.forEach(path -> walk(complaint.get(field),
                path.isEmpty() ? List.of() : List.of(path.split("\\.")), (v, p) -> {
                    found[0] |= sealed(v) != null;
                    return v;
                }, path)));
        return found[0];
    }

    /**
     * Applies {@code leaf} to every value at {@code path} below {@code value} (through lists at any level),
     * returning {@code value} itself when no leaf changed and a copy otherwise.
     */
    private static Object walk(Object value, List<String> path, Leaf leaf, String fullPath) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object item : list) {
                Object mapped = walk(item, path, leaf, fullPath);
                changed |= mapped != item;
                out.add(mapped);
            }
            return changed ? out : value;
        }
        if (path.isEmpty()) {
            return value == null ? null : leaf.apply(value, fullPath);
        }
        if (value instanceof Document document && document.containsKey(path.get(0))) {
            Object inner = document.get(path.get(0));
            Object mapped = walk(inner, path.subList(1, path.size()), leaf, fullPath);
            if (mapped != inner) {
                Document copy = new Document(document);
                copy.put(path.get(0), mapped);
                return copy;
            }
        }
        return value;
    }

    private interface Leaf {
        Object apply(Object value, String path);
    }

    private Supplier<SecretKey> lazyKey(String agency, String caseId) {
        SecretKey[] key = { null };
        return () -> key[0] != null ? key[0] : (key[0] = keys.keyFor(agency, caseId));
    }

    private static Document toBson(Sealed sealed) {
        return new Document("keyId", sealed.keyId()).append("nonce", sealed.nonce())
                .append("ciphertext", sealed.ciphertext());
    }

    private static Sealed sealed(Object value) {
        return value instanceof Document d && IdentityCipher.CASE_KEY.equals(d.get("keyId"))
                && d.get("nonce") instanceof String nonce && d.get("ciphertext") instanceof String ciphertext
                ? new Sealed(IdentityCipher.CASE_KEY, nonce, ciphertext) : null;
    }

    private static String binding(String agency, String caseId, String field, String path) {
        return "content:" + agency + ":" + caseId + ":" + field + (path.isEmpty() ? "" : "." + path);
    }
}
