package th.integrity.gifts.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import th.integrity.gifts.GiftsProblems;
import th.integrity.gifts.calendar.FiscalCalendar;
import th.integrity.gifts.calendar.ThaiDates;
import th.integrity.gifts.declaration.Declaration;
import th.integrity.gifts.declaration.DeclarationEvents;
import th.integrity.gifts.declaration.DeclarationService;
import th.integrity.gifts.declaration.DeclarationStore;
import th.integrity.gifts.declaration.DeclarationView;
import th.integrity.gifts.declaration.DeclarationsChanged;
import th.integrity.gifts.declaration.GiftEventData;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.gifts.staff.StaffDirectory;
import th.integrity.platform.outbox.OutboxMessage;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.ProblemException;

/** The head of agency's queue and decisions. One decision per declaration, written with its event atomically. */
@Service
class DecisionService {

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    private final DeclarationStore store;
    private final DeclarationService declarations;
    private final DeclarationEvents declarationEvents;
    private final StaffDirectory staff;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DecisionService(DeclarationStore store, DeclarationService declarations, DeclarationEvents declarationEvents,
            StaffDirectory staff, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.declarations = declarations;
        this.declarationEvents = declarationEvents;
        this.staff = staff;
        this.clock = clock;
        this.events = events;
    }

    /** Declarations of the caller's agency waiting for a decision, oldest first (by date offered). */
    List<PendingDecision> pending(CurrentUser user) {
        GiftsProblems.requireAgency(user);
        LocalDate today = LocalDate.now(clock.withZone(FiscalCalendar.BANGKOK));
        return store.waiting(user.agency()).stream()
                .sorted(Comparator.comparing(Declaration::offeredOn).thenComparing(Declaration::declaredAt))
                .map(d -> {
                    LocalDate due = d.evaluation().decisionDueOn();
                    long daysLeft = ChronoUnit.DAYS.between(today, due);
                    return new PendingDecision(d.id(), d.declarant(), d.offeredOn(), ThaiDates.shortDate(d.offeredOn()),
                            d.giver(), d.kind(), d.description(), d.value(), d.evaluation().giverOccasionTotal(),
                            d.occasion(), d.disposition(), d.evaluation().reasonTh(), d.evaluation().reasonEn(),
                            d.evaluation().declaredLate(), due, ThaiDates.shortDate(due), daysLeft, daysLeft < 0);
                }).toList();
    }

    DeclarationView decide(CurrentUser user, String id, DecideGift command) {
        GiftsProblems.requireAgency(user);
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
        if (store.supersededBy(id) != null) {
            throw new ProblemException(GiftsProblems.SUPERSEDED,
                    "This declaration has been corrected; decide on the latest version.",
                    "รายการนี้ถูกแก้ไขแล้ว กรุณาวินิจฉัยฉบับล่าสุด");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Declaration.HeadDecision decision = new Declaration.HeadDecision(command.decision(), command.note(),
                staff.caller(user), now);
        OutboxMessage event = declarationEvents.message(GiftEventData.DECIDED,
                GiftEventData.decided(declaration, decision), now);
        Declaration updated = store.decide(user.agency(), id, decision, Declaration.DECIDED_VERSION, event)
                .orElseThrow(DecisionService::alreadyDecided);
        declarationEvents.written(id);
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
