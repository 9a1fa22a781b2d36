package th.integrity.stats.gifts;

import java.util.List;

import th.integrity.stats.table.Labels.Label;
import th.integrity.stats.table.Labels;

/** Gift codes (docs/events.md) with Thai and English labels, in display order. */
public final class GiftLabels {

    public static final List<Label> DISPOSITIONS = List.of(
            Labels.label("stats.gift.disposition", "REFUSED"),
            Labels.label("stats.gift.disposition", "RETURNED"),
            Labels.label("stats.gift.disposition", "KEPT"),
            Labels.label("stats.gift.disposition", "HANDED_TO_AGENCY"),
            new Label("DONATED", "บริจาค", "Donated"));

    public static final List<Label> RULE_OUTCOMES = List.of(
            Labels.label("stats.gift.rule", "ALLOWED"),
            Labels.label("stats.gift.rule", "NEEDS_DECISION"),
            new Label("NOT_ALLOWED", "รับไม่ได้", "Not allowed"));

    public static final List<Label> VALUE_BANDS = List.of(
            Labels.label("stats.gift.value", "UP_TO_3000"),
            Labels.label("stats.gift.value", "OVER_3000_UP_TO_10000"),
            new Label("OVER_10000", "เกิน 10,000 บาท", "Over 10,000 baht"));

    public static final List<Label> KINDS = List.of(
            Labels.label("stats.gift.kind", "ITEM"),
            Labels.label("stats.gift.kind", "HOSPITALITY"),
            Labels.label("stats.gift.kind", "DISCOUNT"),
            Labels.label("stats.gift.kind", "SERVICE"),
            new Label("MONEY", "เงิน", "Money"));

    private GiftLabels() {
    }
}
