package th.integrity.gifts.gift;

import java.math.BigDecimal;

/** Value band of one gift (baht) as events carry it: statistics without amounts. */
public enum ValueBand implements Labelled {
    UP_TO_3000("ไม่เกิน 3,000 บาท", "Up to 3,000 baht"),
    OVER_3000_UP_TO_10000("เกิน 3,000 ถึง 10,000 บาท", "Over 3,000 up to 10,000 baht"),
    OVER_10000("เกิน 10,000 บาท", "Over 10,000 baht");

    private final String th;
    private final String en;

    ValueBand(String th, String en) {
        this.th = th;
        this.en = en;
    }

    @Override
    public String labelTh() {
        return th;
    }

    @Override
    public String labelEn() {
        return en;
    }

    private static final BigDecimal THREE_THOUSAND = new BigDecimal("3000.00");
    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000.00");

    /** Fixed bands (not the agency's limit) so statistics of every agency line up. */
    public static ValueBand of(BigDecimal value) {
        if (value.compareTo(THREE_THOUSAND) <= 0) {
            return UP_TO_3000;
        }
        return value.compareTo(TEN_THOUSAND) <= 0 ? OVER_3000_UP_TO_10000 : OVER_10000;
    }
}
