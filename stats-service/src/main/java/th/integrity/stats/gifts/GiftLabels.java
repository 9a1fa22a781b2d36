package th.integrity.stats.gifts;

import java.util.List;

import th.integrity.stats.table.Labels.Label;

/** Gift codes (docs/events.md) with Thai and English labels, in display order. */
public final class GiftLabels {

    public static final List<Label> DISPOSITIONS = List.of(
            new Label("REFUSED", "ปฏิเสธการรับ", "Refused"),
            new Label("RETURNED", "ส่งคืน", "Returned"),
            new Label("KEPT", "รับไว้โดยได้รับอนุญาต", "Kept with permission"),
            new Label("HANDED_TO_AGENCY", "ส่งมอบให้หน่วยงาน", "Handed to the agency"),
            new Label("DONATED", "บริจาค", "Donated"));

    public static final List<Label> RULE_OUTCOMES = List.of(
            new Label("ALLOWED", "รับได้ตามหลักเกณฑ์", "Allowed"),
            new Label("NEEDS_DECISION", "ต้องให้ผู้บังคับบัญชาวินิจฉัย", "Needs the head's decision"),
            new Label("NOT_ALLOWED", "รับไม่ได้", "Not allowed"));

    public static final List<Label> VALUE_BANDS = List.of(
            new Label("UP_TO_3000", "ไม่เกิน 3,000 บาท", "Up to 3,000 baht"),
            new Label("OVER_3000_UP_TO_10000", "เกิน 3,000 ถึง 10,000 บาท", "Over 3,000 up to 10,000 baht"),
            new Label("OVER_10000", "เกิน 10,000 บาท", "Over 10,000 baht"));

    public static final List<Label> KINDS = List.of(
            new Label("ITEM", "สิ่งของ", "Item"),
            new Label("HOSPITALITY", "การเลี้ยงรับรอง", "Hospitality"),
            new Label("DISCOUNT", "ส่วนลด", "Discount"),
            new Label("SERVICE", "บริการ", "Service"),
            new Label("MONEY", "เงิน", "Money"));

    private GiftLabels() {
    }
}
