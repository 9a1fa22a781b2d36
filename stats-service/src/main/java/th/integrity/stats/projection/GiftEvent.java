package th.integrity.stats.projection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A {@code gifts.v1} event: a declaration snapshot ({@code gift.declared.v1}, {@code gift.decided.v1}) or a nil
 * return ({@code gift.nil-return.v1}). Exactly one of {@code declaration} and {@code nilReturn} is set. No
 * staff identity travels in them (docs/events.md).
 */
public record GiftEvent(String id, String type, Instant time, Declaration declaration, NilReturn nilReturn,
        String traceparent, String tracestate) {

    /** An event without trace context (the CloudEvents distributed-tracing extension). */
    public GiftEvent(String id, String type, Instant time, Declaration declaration, NilReturn nilReturn) {
        this(id, type, time, declaration, nilReturn, null, null);
    }

    public record Declaration(
            String agency,
            String declarationId,
            String supersedes,
            long version,
            int fiscalYear,
            String half,
            LocalDate offeredOn,
            String kind,
            String relation,
            String disposition,
            String valueBand,
            String ruleOutcome,
            boolean declaredLate,
            LocalDate decisionDueOn,
            String decision,
            Instant decidedAt) {
    }

    public record NilReturn(String agency, String nilReturnId, int fiscalYear, String round, Instant filedAt) {
    }
}
