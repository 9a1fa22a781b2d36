package th.integrity.complaints.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.platform.text.Texts;

/**
 * What a new installation starts with: the ITA items of the seed report, the channels its statistics count, the
 * 10 divisions of a Bangkok district office, the bodies complaints are forwarded to. The codes are here; their Thai
 * and English labels are in the message bundles ({@code complaints.label.*}).
 */
final class ReferenceSeed {

    private ReferenceSeed() {
    }

    static List<ReferenceEntry> entries() {
        List<ReferenceEntry> entries = new ArrayList<>();
        for (Category c : Category.values()) {
            entries.add(ReferenceEntry.of(ReferenceKind.CATEGORY, c.name(), null, c.labelTh(), c.labelEn(), c.ordinal()));
        }
        String[][] subcategories = {
                { "CORRUPTION", "BRIBERY" }, { "CORRUPTION", "PROCUREMENT" }, { "CORRUPTION", "FALSE_CLAIMS" },
                { "CORRUPTION", "MISUSE_OF_PROPERTY" }, { "CORRUPTION", "ABUSE_OF_POWER" },
                { "CORRUPTION", "CONFLICT_OF_INTEREST" }, { "MISCONDUCT", "UNFAIR_SERVICE" },
                { "MISCONDUCT", "PROCEDURE_OR_DELAY" }, { "MISCONDUCT", "UNLAWFUL_ORDER" },
                { "MISCONDUCT", "PERSONNEL_FAVOURITISM" }, { "OTHER", "OTHER_MATTER" } };
        for (int i = 0; i < subcategories.length; i++) {
            entries.add(labelled(ReferenceKind.SUBCATEGORY, "subcategory", subcategories[i][1], subcategories[i][0], i));
        }
        for (Channel c : Channel.values()) {
            entries.add(ReferenceEntry.of(ReferenceKind.CHANNEL, c.name(), null, c.labelTh(), c.labelEn(), c.ordinal()));
        }
        List<String> divisions = List.of("ADM", "REG", "FIN", "REV", "WORKS", "CLEAN", "HEALTH", "ENF", "EDU", "SOC");
        for (int i = 0; i < divisions.size(); i++) {
            entries.add(labelled(ReferenceKind.DIVISION, "division", divisions.get(i), null, i));
        }
        for (ComplaintStatus s : ComplaintStatus.values()) {
            entries.add(ReferenceEntry.of(ReferenceKind.STATUS, s.name(), null, s.labelTh(), s.labelEn(), s.ordinal()));
        }
        for (ClosureReason r : ClosureReason.values()) {
            entries.add(ReferenceEntry.of(ReferenceKind.CLOSURE_REASON, r.name(), null, r.labelTh(), r.labelEn(), r.ordinal()));
        }
        List<String> bodies = List.of("NACC", "PACC", "BMA_ACC", "POLICE", "OTHER_AGENCY");
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(labelled(ReferenceKind.FORWARDING_BODY, "forwarding-body", bodies.get(i), null, i));
        }
        return entries;
    }

    /** An entry labelled with the bundles' {@code complaints.label.<label>.<code>} in Thai and English. */
    private static ReferenceEntry labelled(ReferenceKind kind, String label, String code, String parent, int order) {
        String key = "complaints.label." + label + "." + code;
        return ReferenceEntry.of(kind, code, parent, Texts.in(Texts.THAI, key), Texts.in(Locale.ENGLISH, key), order);
    }
}
