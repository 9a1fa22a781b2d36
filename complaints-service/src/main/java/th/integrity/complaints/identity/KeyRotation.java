package th.integrity.complaints.identity;

import org.springframework.stereotype.Component;

/**
 * Rotation of the key-encryption key (IDENTITY_KEY / IDENTITY_KEY_ID): the case data keys are re-wrapped under the
 * current key; the documents sealed under those data keys are not touched (docs/security.md, "Sealed at rest").
 */
@Component
public class KeyRotation {

    private final CaseKeys keys;
    private final IdentityCipher cipher;

    KeyRotation(CaseKeys keys, IdentityCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    /** @return how many data keys were re-wrapped under the current key */
    public int rewrapDataKeys() {
        return keys.rewrapAll();
    }

    public String currentKeyId() {
        return cipher.currentKeyId();
    }
}
