package th.integrity.gifts.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.GiverType;
import th.integrity.gifts.gift.Half;
import th.integrity.gifts.gift.HeadDecisionType;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.gift.Relation;
import th.integrity.gifts.policy.Evaluation;
import th.integrity.gifts.staff.StaffMember;
import th.integrity.platform.outbox.OutboxMessage;

/**
 * A gift declaration, one document in collection {@code declarations}. Never edited after it is submitted except
 * to add the head's decision (version 2) and to mark it superseded by a correction, which is a new document
 * naming it in {@code supersedes}. Its events wait in {@code outbox} until the relay has published them.
 *
 * @param version      1 when declared, 2 after the decision (the events' {@code version})
 * @param declarant    who declared, from the token and the staff directory
 * @param value        estimated value, baht, scale 2 (Decimal128 in MongoDB)
 * @param valuation    how the value was estimated
 * @param occasionKey  the occasion for adding up gifts: the code, or for OTHER the code and the normalised detail
 * @param declaredOn   the date declared in Asia/Bangkok (lateness is counted in days from the date offered)
 * @param supersedes   id of the declaration this one corrects; unique, so a version is corrected only once
 * @param supersededBy id of the correction that replaces this one
 */
@Document(Declaration.COLLECTION)
@CompoundIndex(name = "agency_declarant_year", def = "{'agency': 1, 'declarant.subject': 1, 'fiscalYear': 1}")
@CompoundIndex(name = "agency_year", def = "{'agency': 1, 'fiscalYear': 1}")
// The heads' queues (DeclarationStore.waiting, read by every metrics recount): only declarations that need a decision.
@CompoundIndex(name = "needs_decision", def = "{'evaluation.outcome': 1, 'agency': 1}",
        partialFilter = "{'evaluation.outcome': 'NEEDS_DECISION'}")
public record Declaration(
        @Id String id,
        String agency,
        int version,
        StaffMember declarant,
        LocalDate offeredOn,
        Giver giver,
        GiftKind kind,
        String description,
        BigDecimal value,
        String valuation,
        String acceptanceReason,
        Occasion occasion,
        String occasionDetail,
        String occasionKey,
        Disposition disposition,
        LocalDate disposedOn,
        int fiscalYear,
        Half half,
        Instant declaredAt,
        LocalDate declaredOn,
        Evaluation evaluation,
        @Indexed(unique = true, sparse = true, name = "supersedes_unique") String supersedes,
        String supersededBy,
        Instant supersededAt,
        HeadDecision decision,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "declarations";
    /** The version of a declaration once the head has decided on it. */
    public static final int DECIDED_VERSION = 2;

    /**
     * @param nameKey the name normalised (white space collapsed, lower case) to recognise the same giver
     */
    public record Giver(String name, String nameKey, GiverType type, Relation relation, boolean pendingBusiness) {
    }

    /**
     * @param decidedBy the head's subject, name and position
     */
    public record HeadDecision(HeadDecisionType decision, String note, StaffMember decidedBy, Instant decidedAt) {
    }

    /** This declaration holding {@code events} in its outbox (the only copy of it, next to its components). */
    public Declaration withOutbox(List<OutboxMessage> events) {
        return new Declaration(id, agency, version, declarant, offeredOn, giver, kind, description, value, valuation,
                acceptanceReason, occasion, occasionDetail, occasionKey, disposition, disposedOn, fiscalYear, half,
                declaredAt, declaredOn, evaluation, supersedes, supersededBy, supersededAt, decision, events);
    }
}
