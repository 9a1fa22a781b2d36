package th.integrity.gifts.nilreturn;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import th.integrity.gifts.gift.Round;
import th.integrity.gifts.staff.StaffMember;
import th.integrity.platform.outbox.OutboxMessage;

/**
 * A nil return: the staff member had nothing to declare in a round. One per person and round (unique index).
 * Its {@code gift.nil-return.v1} event waits in {@code outbox}.
 */
@Document(NilReturn.COLLECTION)
@CompoundIndex(name = "one_per_round", unique = true,
        def = "{'agency': 1, 'declarant.subject': 1, 'fiscalYear': 1, 'round': 1}")
public record NilReturn(
        @Id String id,
        String agency,
        StaffMember declarant,
        int fiscalYear,
        Round round,
        Instant filedAt,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "nilReturns";
    public static final String TYPE = "gift.nil-return.v1";

    /** {@code data} of {@code gift.nil-return.v1} (docs/events.md): no staff identity. */
    public record Filed(String agency, String nilReturnId, int fiscalYear, Round round, Instant filedAt) {
    }
}
