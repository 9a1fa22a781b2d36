package th.integrity.complaints.reference;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of a reference list, with its Thai and English label. Collection {@code reference}.
 *
 * @param id     {@code KIND:CODE}, e.g. {@code DIVISION:WORKS}
 * @param parent the main category code of a sub-category; null otherwise
 */
@Document(ReferenceEntry.COLLECTION)
public record ReferenceEntry(@Id String id, ReferenceKind kind, String code, String parent, String labelTh,
        String labelEn, int order) {

    public static final String COLLECTION = "reference";

    public static String id(ReferenceKind kind, String code) {
        return kind.name() + ":" + code;
    }

    public static ReferenceEntry of(ReferenceKind kind, String code, String parent, String labelTh, String labelEn,
            int order) {
        return new ReferenceEntry(id(kind, code), kind, code, parent, labelTh, labelEn, order);
    }
}
