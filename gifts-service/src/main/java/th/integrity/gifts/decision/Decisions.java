package th.integrity.gifts.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import th.integrity.gifts.GiftsProblems;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.gifts.declaration.Declaration;
import th.integrity.gifts.declaration.DeclarationView;
import th.integrity.gifts.declaration.Declarations;
import th.integrity.gifts.declaration.DeclarationsChanged;
import th.integrity.gifts.declaration.GiftEventData;
import org.springframework.context.ApplicationEventPublisher;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.gifts.staff.StaffDirectory;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.ProblemException;

/** The head of agency's queue and decisions. One decision per declaration, written with its event atomically. */
@Service
public class Decisions {

    private static final Logger log = LoggerFactory.getLogger(Decisions.class);

    private final MongoTemplate mongo;
    private final Declarations declarations;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Decisions(MongoTemplate mongo, Declarations declarations, StaffDirectory staff, Outbox outbox, Clock clock,
            ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.declarations = declarations;
        this.staff = staff;
        this.outbox = outbox;
        this.clock = clock;
        this.events = events;
    }

    /** Declarations of the caller's agency waiting for a decision, oldest first (by date offered). */
    public List<PendingDecision> pending() {
        CurrentUser user = GiftsProblems.caller();
        LocalDate today = LocalDate.now(clock.withZone(FiscalCalendar.BANGKOK));
        return waiting(mongo, user.agency()).stream()
                .sorted(Comparator.comparing(Declaration::offeredOn).thenComparing(Declaration::declaredAt))
                .map(d -> {
                    LocalDate due = d.evaluation().decisionDueOn();
                    long daysLeft = ChronoUnit.DAYS.between(today, due);
                    return new PendingDecision(d.id(), d.declarant(), d.offeredOn(), FiscalCalendar.dateLabelThaiShort(d.offeredOn()),
                            d.giver(), d.kind(), d.description(), d.value(), d.evaluation().giverOccasionTotal(),
                            d.occasion(), d.disposition(), d.evaluation().reasonTh(), d.evaluation().reasonEn(),
                            d.evaluation().declaredLate(), due, FiscalCalendar.dateLabelThaiShort(due), daysLeft, daysLeft < 0);
                }).toList();
    }

    /** Undecided, current declarations that need a decision; {@code agency} null for every agency. */
    static List<Declaration> waiting(MongoTemplate mongo, String agency) {
        Criteria criteria = Criteria.where("evaluation.outcome").is(RuleOutcome.NEEDS_DECISION).and("decision").isNull()
                .and("supersededBy").isNull();
        if (agency != null) {
            criteria = criteria.and("agency").is(agency);
        }
        List<Declaration> found = mongo.find(new Query(criteria), Declaration.class);
        Map<String, String> successors = Declarations.successors(mongo, found);
        return found.stream().filter(d -> !successors.containsKey(d.id())).toList();
    }

    public DeclarationView decide(String id, DecideGift command) {
        CurrentUser user = GiftsProblems.caller();
        Declaration declaration = declarations.find(user, id);
        if (declaration.declarant().subject().equals(user.subject())) {
            throw new ProblemException(GiftsProblems.OWN_DECLARATION,
                    "A declaration is decided by another head of the agency, not by its declarant.",
                    "รายการของผู้บังคับบัญชาเองต้องให้ผู้บังคับบัญชาคนอื่นวินิจฉัย");
        }
        if (declaration.decision() != null) {
            throw alreadyDecided();
        }
        if (declaration.evaluation().outcome() != RuleOutcome.NEEDS_DECISION) {
            throw new ProblemException(GiftsProblems.NO_DECISION_NEEDED,
                    "The rule's outcome for this declaration is " + declaration.evaluation().outcome()
                            + ": it is not for the head to decide.",
                    "ผลตามหลักเกณฑ์ของรายการนี้คือ " + declaration.evaluation().outcome().labelTh()
                            + " จึงไม่ต้องให้ผู้บังคับบัญชาวินิจฉัย");
        }
        if (declarations.supersededBy(id) != null) {
            throw new ProblemException(GiftsProblems.SUPERSEDED,
                    "This declaration has been corrected; decide on the latest version.",
                    "รายการนี้ถูกแก้ไขแล้ว กรุณาวินิจฉัยฉบับล่าสุด");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Declaration.HeadDecision decision = new Declaration.HeadDecision(command.decision(), command.note(),
                staff.caller(user), now);
        Declaration decided = declarations.withEvent(declaration.decided(decision), GiftEventData.DECIDED, now);
        var event = decided.outbox().get(decided.outbox().size() - 1);
        // The condition makes the first decision win: a second one (or one racing it) finds nothing to update.
        Declaration updated = mongo.findAndModify(
                new Query(Criteria.where("_id").is(id).and("agency").is(user.agency()).and("decision").isNull()
                        .and("supersededBy").isNull()),
                new Update().set("decision", decision).set("version", decided.version()).push(Outbox.FIELD, event),
                FindAndModifyOptions.options().returnNew(true), Declaration.class);
        if (updated == null) {
            throw alreadyDecided();
        }
        outbox.written(Declaration.COLLECTION, id);
        events.publishEvent(new DeclarationsChanged(user.agency()));
        log.info("Gift declaration {} in agency {} decided: {}", id, user.agency(), command.decision());
        return DeclarationView.of(updated, null);
    }

    private static ProblemException alreadyDecided() {
        return new ProblemException(GiftsProblems.ALREADY_DECIDED,
                "This declaration has already been decided; a decision is not changed.",
                "รายการนี้ได้รับการวินิจฉัยแล้ว ไม่สามารถวินิจฉัยซ้ำได้");
    }
}
