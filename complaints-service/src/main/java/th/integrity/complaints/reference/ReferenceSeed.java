package th.integrity.complaints.reference;

import java.util.ArrayList;
import java.util.List;

import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.ComplaintStatus;

/**
 * What a new installation starts with, read out of DOMAIN.md (the ITA items of the seed report, the channels
 * its statistics count, the 10 divisions of a Bangkok district office, the bodies complaints are forwarded to).
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
                { "CORRUPTION", "BRIBERY", "เรียกรับเงิน ทรัพย์สิน หรือประโยชน์อื่นใด", "Soliciting or accepting money, property or other benefits" },
                { "CORRUPTION", "PROCUREMENT", "จัดซื้อจัดจ้างไม่โปร่งใส/เอื้อประโยชน์ผู้ประกอบการ", "Non-transparent procurement or favouring a contractor" },
                { "CORRUPTION", "FALSE_CLAIMS", "เบิกจ่ายเท็จ", "False claims for payment" },
                { "CORRUPTION", "MISUSE_OF_PROPERTY", "ใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน", "Using public property for private gain" },
                { "CORRUPTION", "ABUSE_OF_POWER", "ใช้อำนาจหน้าที่แสวงหาประโยชน์", "Abusing one's position for gain" },
                { "CORRUPTION", "CONFLICT_OF_INTEREST", "ขัดกันแห่งผลประโยชน์", "Conflict of interest" },
                { "MISCONDUCT", "UNFAIR_SERVICE", "เลือกปฏิบัติ/ให้บริการไม่เป็นธรรม", "Discrimination or unfair service" },
                { "MISCONDUCT", "PROCEDURE_OR_DELAY", "ไม่เป็นไปตามขั้นตอนหรือระยะเวลา", "Not following the procedure or the time limits" },
                { "MISCONDUCT", "UNLAWFUL_ORDER", "ผู้บังคับบัญชาสั่งการให้ทำผิดระเบียบหรือใช้ไปทำธุระส่วนตัว", "A superior ordering unlawful acts or personal errands" },
                { "MISCONDUCT", "PERSONNEL_FAVOURITISM", "การบริหารงานบุคคลเอื้อประโยชน์พวกพ้อง", "Favouritism in personnel management" },
                { "OTHER", "OTHER_MATTER", "เรื่องอื่น ๆ", "Other matter" } };
        for (int i = 0; i < subcategories.length; i++) {
            String[] s = subcategories[i];
            entries.add(ReferenceEntry.of(ReferenceKind.SUBCATEGORY, s[1], s[0], s[2], s[3], i));
        }
        for (Channel c : Channel.values()) {
            entries.add(ReferenceEntry.of(ReferenceKind.CHANNEL, c.name(), null, c.labelTh(), c.labelEn(), c.ordinal()));
        }
        String[][] divisions = {
                { "ADM", "ฝ่ายปกครอง", "Administration Division" },
                { "REG", "ฝ่ายทะเบียน", "Civil Registration Division" },
                { "FIN", "ฝ่ายการคลัง", "Finance Division" },
                { "REV", "ฝ่ายรายได้", "Revenue Division" },
                { "WORKS", "ฝ่ายโยธา", "Public Works Division" },
                { "CLEAN", "ฝ่ายรักษาความสะอาดและสวนสาธารณะ", "Cleansing and Public Parks Division" },
                { "HEALTH", "ฝ่ายสิ่งแวดล้อมและสุขาภิบาล", "Environment and Sanitation Division" },
                { "ENF", "ฝ่ายเทศกิจ", "City Law Enforcement Division" },
                { "EDU", "ฝ่ายการศึกษา", "Education Division" },
                { "SOC", "ฝ่ายพัฒนาชุมชนและสวัสดิการสังคม", "Community Development and Social Welfare Division" } };
        for (int i = 0; i < divisions.length; i++) {
            entries.add(ReferenceEntry.of(ReferenceKind.DIVISION, divisions[i][0], null, divisions[i][1], divisions[i][2], i));
        }
        for (ComplaintStatus s : ComplaintStatus.values()) {
            entries.add(ReferenceEntry.of(ReferenceKind.STATUS, s.name(), null, s.labelTh(), s.labelEn(), s.ordinal()));
        }
        for (ClosureReason r : ClosureReason.values()) {
            entries.add(ReferenceEntry.of(ReferenceKind.CLOSURE_REASON, r.name(), null, r.labelTh(), r.labelEn(), r.ordinal()));
        }
        String[][] bodies = {
                { "NACC", "สำนักงาน ป.ป.ช. (คณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ)", "National Anti-Corruption Commission (NACC)" },
                { "PACC", "สำนักงาน ป.ป.ท. (คณะกรรมการป้องกันและปราบปรามการทุจริตในภาครัฐ)", "Public Sector Anti-Corruption Commission (PACC)" },
                { "BMA_ACC", "ศปท.กทม. (ศูนย์ปฏิบัติการต่อต้านการทุจริต กรุงเทพมหานคร)", "Bangkok Anti-Corruption Operation Centre" },
                { "POLICE", "สำนักงานตำรวจแห่งชาติ", "Royal Thai Police" },
                { "OTHER_AGENCY", "หน่วยงานอื่น", "Another agency" } };
        for (int i = 0; i < bodies.length; i++) {
            entries.add(ReferenceEntry.of(ReferenceKind.FORWARDING_BODY, bodies[i][0], null, bodies[i][1], bodies[i][2], i));
        }
        return entries;
    }
}
