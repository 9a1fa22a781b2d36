package th.integrity.gifts.register;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import th.integrity.gifts.gift.Labelled;

/**
 * The register laid out as lines of cells, in Thai, the same for CSV and XLSX: title, round and report date,
 * the declarations, totals by disposition and by rule outcome, the nil returns, and the staff who have not
 * reported. Cells are strings or {@link BigDecimal} amounts.
 */
final class RegisterSheet {

    static final List<String> DECLARATION_HEADERS = List.of("ลำดับ", "ชื่อ-นามสกุลผู้รายงาน", "ตำแหน่ง", "ฝ่าย",
            "วันที่ได้รับ", "ผู้ให้", "ประเภทผู้ให้", "ความสัมพันธ์กับผู้ให้", "ผู้ให้มีเรื่องอยู่ระหว่างพิจารณา",
            "ประเภทของขวัญ", "รายละเอียด", "มูลค่าโดยประมาณ (บาท)", "วิธีประเมินมูลค่า", "โอกาส", "การดำเนินการ",
            "วันที่ดำเนินการ", "ผลตามหลักเกณฑ์", "เหตุผลตามหลักเกณฑ์", "รายงานเกินกำหนด", "ผลการวินิจฉัยของผู้บังคับบัญชา",
            "วันที่วินิจฉัย", "วันที่รายงาน", "เลขที่รายการ", "แก้ไขแทนรายการเลขที่");

    private RegisterSheet() {
    }

    static List<List<Object>> lines(Register register) {
        List<List<Object>> lines = new ArrayList<>();
        lines.add(List.of(register.titleTh()));
        lines.add(List.of("หน่วยงาน", register.agencyNameTh()));
        lines.add(List.of("ปีงบประมาณ พ.ศ.", String.valueOf(register.fiscalYear())));
        lines.add(List.of("รอบการรายงาน", register.roundTh()));
        lines.add(List.of("วันที่จัดทำรายงาน", register.reportDateTh()));
        lines.add(List.of());

        lines.add(List.of("รายการรับของขวัญและของกำนัล"));
        lines.add(new ArrayList<>(DECLARATION_HEADERS));
        if (register.declarations().isEmpty()) {
            lines.add(List.of("-", "ไม่มีรายการรับของขวัญในรอบนี้"));
        }
        for (Register.Row r : register.declarations()) {
            lines.add(Arrays.asList(String.valueOf(r.no()), r.declarantName(), text(r.position()), text(r.division()),
                    r.offeredOnTh(), r.giverName(), label(r.giverType()), label(r.relation()), yesNo(r.pendingBusiness()),
                    label(r.kind()), r.description(), r.value(), r.valuation(), r.occasion(), label(r.disposition()),
                    r.disposedOnTh(), label(r.ruleOutcome()), r.reasonTh(), yesNo(r.declaredLate()),
                    r.decision() == null ? "-" : r.decision().labelTh()
                            + (r.decisionNote() == null ? "" : " (" + r.decisionNote() + ")"),
                    r.decidedOnTh(), r.declaredOnTh(), r.id(), text(r.supersedes())));
        }
        lines.add(List.of());

        lines.add(List.of("สรุปตามการดำเนินการ"));
        lines.add(List.of("การดำเนินการ", "จำนวนรายการ", "มูลค่ารวม (บาท)"));
        for (Register.DispositionTotal t : register.totals().byDisposition()) {
            lines.add(List.of(t.labelTh(), String.valueOf(t.count()), t.value()));
        }
        lines.add(List.of("รวมทั้งสิ้น", String.valueOf(register.totals().declarations()), register.totals().value()));
        lines.add(List.of());
        lines.add(List.of("สรุปตามผลตามหลักเกณฑ์"));
        lines.add(List.of("ผลตามหลักเกณฑ์", "จำนวนรายการ", "มูลค่ารวม (บาท)"));
        for (Register.OutcomeTotal t : register.totals().byOutcome()) {
            lines.add(List.of(t.labelTh(), String.valueOf(t.count()), t.value()));
        }
        lines.add(List.of("รายงานเกินกำหนด", String.valueOf(register.totals().late())));
        lines.add(List.of("รอผู้บังคับบัญชาวินิจฉัย", String.valueOf(register.totals().awaitingDecision())));
        lines.add(List.of());

        lines.add(List.of("ผู้รายงานว่าไม่มีการรับของขวัญในรอบนี้"));
        lines.add(List.of("ลำดับ", "ชื่อ-นามสกุล", "ตำแหน่ง", "ฝ่าย", "วันที่รายงาน"));
        if (register.nilReturns().isEmpty()) {
            lines.add(List.of("-", "ไม่มี"));
        }
        for (Register.NilRow n : register.nilReturns()) {
            lines.add(List.of(String.valueOf(n.no()), n.name(), text(n.position()), text(n.division()), n.filedOnTh()));
        }
        lines.add(List.of());

        lines.add(List.of("ผู้ที่ยังไม่ได้รายงาน (ไม่มีทั้งรายการรับของขวัญและรายงานว่าไม่มีการรับ)"));
        lines.add(List.of("ลำดับ", "ชื่อ-นามสกุล", "ตำแหน่ง", "ฝ่าย"));
        if (register.notReported().isEmpty()) {
            lines.add(List.of("-", "ไม่มี"));
        }
        int no = 1;
        for (var s : register.notReported()) {
            lines.add(List.of(String.valueOf(no++), s.name(), text(s.position()), text(s.division())));
        }
        return lines;
    }

    /**
     * A cell that a spreadsheet program would take for a formula ({@code = + - @}, or a tab or carriage return
     * before one) is prefixed with an apostrophe, so it is shown as the text it is and never evaluated.
     */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String label(Labelled value) {
        return value == null ? "" : value.labelTh();
    }

    private static String yesNo(boolean value) {
        return value ? "ใช่" : "ไม่ใช่";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
