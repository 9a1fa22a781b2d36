package th.integrity.complaints.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Collection {@code case_keys}, the only class that touches it: one random AES-256 data key per case, stored sealed
 * under the configured key-encryption key. Deleting a case's document is crypto-shredding: what was sealed under its
 * key (the reporter's identity, the attachments) cannot be opened again from any copy of the complaints, a backup
 * included, once no copy of this document is left (docs/security.md, "Data that is gone").
 */
@Component
class CaseKeys {

    @Document(CaseKey.COLLECTION)
    record CaseKey(@Id String caseId, String agency, Sealed wrapped, Instant createdAt) {
        static final String COLLECTION = "case_keys";
    }

    private final MongoTemplate mongo;
    private final IdentityCipher cipher;
    private final Clock clock;

    CaseKeys(MongoTemplate mongo, IdentityCipher cipher, Clock clock) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The case's data key, made on first use (a concurrent first use of the same case gets the winner's). */
    SecretKey keyFor(String agency, String caseId) {
        Optional<SecretKey> existing = find(agency, caseId);
        if (existing.isPresent()) {
            return existing.get();
        }
        SecretKey key = cipher.newDataKey();
        try {
            mongo.insert(new CaseKey(caseId, agency, cipher.wrap(key, binding(agency, caseId)), clock.instant()));
            return key;
        } catch (DuplicateKeyException raced) {
            return find(agency, caseId).orElseThrow(() -> raced);
        }
    }

    /** Empty once the key was destroyed. */
    Optional<SecretKey> find(String agency, String caseId) {
        CaseKey stored = mongo.findOne(new Query(Criteria.where("_id").is(caseId).and("agency").is(agency)), CaseKey.class);
        return stored == null ? Optional.empty() : Optional.of(cipher.unwrap(stored.wrapped(), binding(agency, caseId)));
    }

    /** The stored (wrapped) keys of these cases, by case id, in one read; destroyed keys are absent. */
    Map<String, CaseKey> findAll(Collection<String> caseIds) {
        Map<String, CaseKey> found = new HashMap<>();
        for (CaseKey key : mongo.find(new Query(Criteria.where("_id").in(caseIds)), CaseKey.class)) {
            found.put(key.caseId(), key);
        }
        return found;
    }

    /** A stored key opened for a case of {@code agency}: a key moved onto another agency's case does not open. */
    SecretKey unwrap(CaseKey stored, String agency) {
        return cipher.unwrap(stored.wrapped(), binding(agency, stored.caseId()));
    }

    /**
     * Master-key rotation: re-wraps under the current key-encryption key every data key wrapped under another
     * (a previous key, still configured). The data keys themselves, and so every value sealed under them, stay as
     * they are: nothing else is re-encrypted. A key changed meanwhile (destroyed, or re-wrapped by another replica)
     * is left alone. @return how many keys were re-wrapped
     */
    int rewrapAll() {
        String current = cipher.currentKeyId();
        int rewrapped = 0;
        for (CaseKey stored : mongo.find(new Query(Criteria.where("wrapped.keyId").ne(current)), CaseKey.class)) {
            SecretKey key = unwrap(stored, stored.agency());
            Sealed again = cipher.wrap(key, binding(stored.agency(), stored.caseId()));
            rewrapped += (int) mongo.updateFirst(new Query(Criteria.where("_id").is(stored.caseId())
                            .and("wrapped.keyId").is(stored.wrapped().keyId())
                            .and("wrapped.nonce").is(stored.wrapped().nonce())),
                    new Update().set("wrapped", again).set("rewrappedAt", clock.instant()), CaseKey.class)
                    .getModifiedCount();
        }
        return rewrapped;
    }

    /** @return whether a key was there to destroy */
    boolean destroy(String agency, String caseId) {
        return mongo.remove(new Query(Criteria.where("_id").is(caseId).and("agency").is(agency)), CaseKey.class)
                .getDeletedCount() > 0;
    }

    private static String binding(String agency, String caseId) {
        return "case-key:" + agency + ":" + caseId;
    }
}
