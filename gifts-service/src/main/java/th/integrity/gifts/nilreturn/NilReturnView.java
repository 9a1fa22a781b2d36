package th.integrity.gifts.nilreturn;

import java.time.Instant;

import th.integrity.gifts.gift.Round;
import th.integrity.gifts.staff.StaffMember;

/** A nil return as its filer and the register read it; {@code roundTh} e.g. รอบ 6 เดือน (1 ตุลาคม 2567 – ...). */
record NilReturnView(String id, String agency, StaffMember declarant, int fiscalYear, Round round,
        String roundTh, String roundEn, Instant filedAt) {
}
