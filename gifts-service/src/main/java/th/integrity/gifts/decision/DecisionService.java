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
import th.integrity.platform.calendar.FiscalCalendar;
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
                    return new PendingDecision(d.id(), d.declarant(), d.offeredOn(), FiscalCalendar.dateLabelThaiShort(d.offeredOn()),
                            d.giver(), d.kind(), d.description(), d.value(), d.evaluation().giverOccasionTotal(),
                            d.occasion(), d.disposition(), d.evaluation().reasonTh(), d.evaluation().reasonEn(),
                            d.evaluation().declaredLate(), due, FiscalCalendar.dateLabelThaiShort(due), daysLeft, daysLeft < 0);
                }).toList();
    }

    DeclarationView decide(CurrentUser user, String id, DecideGift command) {
        GiftsProblems.requireAgency(user);
        Declaration declaration = declarations.find(user, id);
        if (declaration.declarant().subject().equals(user.subject())) {
            throw GiftsProblems.ownDeclaration();
        }
        if (declaration.decision() != null) {
            throw GiftsProblems.alreadyDecided();
        }
        if (declaration.evaluation().outcome() != RuleOutcome.NEEDS_DECISION) {
            throw GiftsProblems.noDecisionNeeded(declaration.evaluation().outcome());
        }
        if (store.supersededBy(id) != null) {
            throw GiftsProblems.correctedDecideLatest();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Declaration.HeadDecision decision = new Declaration.HeadDecision(command.decision(), command.note(),
                staff.caller(user), now);
        OutboxMessage event = declarationEvents.message(GiftEventData.DECIDED,
                GiftEventData.decided(declaration, decision), now);
        Declaration updated = store.decide(user.agency(), id, decision, Declaration.DECIDED_VERSION, event)
                .orElseThrow(GiftsProblems::alreadyDecided);
        declarationEvents.written(id);
        events.publishEvent(new DeclarationsChanged(user.agency()));
        log.info("Gift declaration {} in agency {} decided: {}", id, user.agency(), command.decision());
        return DeclarationView.of(updated, null);
    }
}
