package th.integrity.gifts.gift;

import java.math.BigDecimal;

/** Value band of one gift (baht) as events carry it: statistics without amounts. */
public enum ValueBand implements Labelled {
    UP_TO_3000,
    OVER_3000_UP_TO_10000,
    OVER_10000;

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
