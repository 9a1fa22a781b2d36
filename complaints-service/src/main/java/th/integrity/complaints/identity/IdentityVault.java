package th.integrity.complaints.identity;

import java.util.Optional;

import javax.crypto.SecretKey;

import org.springframework.stereotype.Component;

/**
 * What other modules seal with a case's own data key, and how they shred it: the reporter's identity (JSON of
 * {@link ReporterIdentity}) and the attachments' bytes. Values sealed before data keys existed (under the configured
 * key directly) still open.
 */
@Component
public class IdentityVault {

    private final CaseKeys keys;
    private final IdentityCipher cipher;

    IdentityVault(CaseKeys keys, IdentityCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    public Sealed sealIdentity(String agency, String caseId, String json) {
        return cipher.sealWith(keys.keyFor(agency, caseId), json, ReporterIdentity.boundTo(agency, caseId));
    }

    /** The identity's JSON; empty when its case's key was destroyed (shredded). */
    public Optional<String> openIdentity(String agency, String caseId, Sealed sealed) {
        String binding = ReporterIdentity.boundTo(agency, caseId);
        if (!IdentityCipher.CASE_KEY.equals(sealed.keyId())) {
            return Optional.of(cipher.open(sealed, binding));
        }
        return keys.find(agency, caseId).map(key -> cipher.openWith(key, sealed, binding));
    }

    /**
     * The reporter's notice-only e-mail address, sealed under the case's own key like the identity (so shredding the
     * key destroys it too), bound to the case and to its purpose: it cannot be opened as an identity, nor moved to
     * another case.
     */
    public Sealed sealNoticeAddress(String agency, String caseId, String address) {
        return cipher.sealWith(keys.keyFor(agency, caseId), address, noticeBinding(agency, caseId));
    }

    /** The notice address; empty when its case's key was destroyed (shredded). */
    public Optional<String> openNoticeAddress(String agency, String caseId, Sealed sealed) {
        return keys.find(agency, caseId).map(key -> cipher.openWith(key, sealed, noticeBinding(agency, caseId)));
    }

    private static String noticeBinding(String agency, String caseId) {
        return "notice-address:" + agency + ":" + caseId;
    }

    /** A file's bytes sealed under its case's key, bound to the case and the file's name. */
    public byte[] sealFile(String agency, String caseId, String name, byte[] bytes) {
        return cipher.sealBytes(keys.keyFor(agency, caseId), bytes, fileBinding(agency, caseId, name));
    }

    /** Empty when the case's key was destroyed. */
    public Optional<byte[]> openFile(String agency, String caseId, String name, byte[] sealed) {
        Optional<SecretKey> key = keys.find(agency, caseId);
        return key.map(k -> cipher.openBytes(k, sealed, fileBinding(agency, caseId, name)));
    }

    /** Destroys the case's data key: everything sealed under it is unreadable from then on, wherever it is copied. */
    public boolean shred(String agency, String caseId) {
        return keys.destroy(agency, caseId);
    }

    private static String fileBinding(String agency, String caseId, String name) {
        return "file:" + agency + ":" + caseId + ":" + name;
    }
}
