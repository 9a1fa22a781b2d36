package th.integrity.gifts.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import th.integrity.gifts.GiftsProblems;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.gifts.declaration.Declaration;
import th.integrity.gifts.declaration.DeclarationEvents;
import th.integrity.gifts.declaration.DeclarationStore;
import th.integrity.gifts.declaration.DeclarationView;
import th.integrity.gifts.declaration.DeclarationsChanged;
import th.integrity.gifts.declaration.GiftEventData;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.gifts.policy.GiftsProperties;
import th.integrity.gifts.staff.StaffDirectory;
import th.integrity.platform.outbox.OutboxMessage;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.security.Role;

/**
 * The head of agency's queue and decisions. One decision per declaration, written with its event atomically.
 * A declaration made by a head (anyone holding the HEAD role when declaring) is never decided within her agency:
 * it leaves its queue and goes to the head of the office configured above it ({@code decider-above}), who sees it
 * in her own queue and decides it here like any other.
 */
@Service
class DecisionService {

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

    private final DeclarationStore store;
    private final DeclarationEvents declarationEvents;
    private final StaffDirectory staff;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final GiftsProperties properties;

    DecisionService(DeclarationStore store, DeclarationEvents declarationEvents,
            StaffDirectory staff, Clock clock, ApplicationEventPublisher events, GiftsProperties properties) {
        this.store = store;
        this.declarationEvents = declarationEvents;
        this.staff = staff;
        this.clock = clock;
        this.events = events;
        this.properties = properties;
    }

    /**
     * Declarations waiting for the caller's decision, oldest first (by date offered): her agency's, except her own
     * and those of its heads (they go above), and the heads' declarations of the agencies she is configured above.
     */
    List<PendingDecision> pending(CurrentUser user) {
        GiftsProblems.requireAgency(user);
        LocalDate today = LocalDate.now(clock.withZone(FiscalCalendar.BANGKOK));
        Stream<Declaration> own = store.waiting(user.agency()).stream()
                .filter(d -> !d.declarant().head() && !d.declarant().subject().equals(user.subject()));
        Stream<Declaration> fromBelow = !user.has(Role.HEAD) || !properties.decidesAboveSome(user.agency())
                ? Stream.empty()
                : store.waiting(null).stream().filter(d -> d.declarant().head() && decidesAbove(user, d));
        return Stream.concat(own, fromBelow)
                .sorted(Comparator.comparing(Declaration::offeredOn).thenComparing(Declaration::declaredAt))
                .map(d -> {
                    LocalDate due = d.evaluation().decisionDueOn();
                    long daysLeft = ChronoUnit.DAYS.between(today, due);
                    return new PendingDecision(d.id(), d.declarant(), d.offeredOn(), FiscalCalendar.dateLabelThaiShort(d.offeredOn()),
                            d.giver(), d.kind(), d.description(), d.value(), d.evaluation().giverOccasionTotal(),
                            d.occasion(), d.disposition(), d.evaluation().reasonTh(), d.evaluation().reasonEn(),
                            d.evaluation().declaredLate(), due, FiscalCalendar.dateLabelThaiShort(due), daysLeft, daysLeft < 0,
                            d.agency(), properties.nameTh(d.agency()), properties.nameEn(d.agency()),
                            !d.agency().equals(user.agency()));
                }).toList();
    }

    DeclarationView decide(CurrentUser user, String id, DecideGift command) {
        GiftsProblems.requireAgency(user);
        // The caller's agency's, or a head's declaration of an agency she is the decider above; else the same 404.
        Declaration declaration = store.find(user.agency(), id)
                .or(() -> store.findAnyAgency(id).filter(d -> d.declarant().head() && decidesAbove(user, d)))
                .orElseThrow(GiftsProblems::notFound);
        Optional<GiftsProperties.DeciderAbove> above = properties.deciderAbove(declaration.agency());
        String titleEn = above.map(GiftsProperties.DeciderAbove::titleEn).orElse(null);
        String titleTh = above.map(GiftsProperties.DeciderAbove::titleTh).orElse(null);
        if (declaration.declarant().subject().equals(user.subject())) {
            throw GiftsProblems.ownDeclaration(titleEn, titleTh);
        }
        if (declaration.declarant().head() && !decidesAbove(user, declaration)) {
            throw GiftsProblems.decidedAbove(titleEn, titleTh);
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
        Declaration updated = store.decide(declaration.agency(), id, decision, Declaration.DECIDED_VERSION, event)
                .orElseThrow(GiftsProblems::alreadyDecided);
        declarationEvents.written(id);
        events.publishEvent(new DeclarationsChanged(declaration.agency()));
        log.info("Gift declaration {} in agency {} decided by a head of {}: {}", id, declaration.agency(),
                user.agency(), command.decision());
        return DeclarationView.of(updated, null);
    }

    /** The caller is a head of the office configured above the declaration's agency (never that agency itself). */
    private boolean decidesAbove(CurrentUser user, Declaration declaration) {
        return user.has(Role.HEAD) && properties.deciderAbove(declaration.agency())
                .map(a -> a.agency().equals(user.agency())).orElse(false);
    }
}
