package th.integrity.gifts.declaration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import th.integrity.gifts.GiftsProblems;
import th.integrity.gifts.gift.Half;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.gifts.policy.Evaluation;
import th.integrity.gifts.policy.GiftsProperties;
import th.integrity.gifts.staff.StaffDirectory;
import th.integrity.gifts.staff.StaffMember;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.security.Role;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;

/**
 * Declaring a gift and correcting a declaration. Each is one insert holding the declaration, the rule's result
 * and its {@code gift.declared.v1} event; a correction then marks the version it replaces as superseded.
 */
@Service
public class DeclarationService {

    public static final String DECLARED_METRIC = "integrity.gifts.declarations";

    private static final Logger log = LoggerFactory.getLogger(DeclarationService.class);

    private final DeclarationStore store;
    private final DeclarationEvents declarationEvents;
    private final MeterRegistry meters;
    private final Clock clock;
    private final GiftsProperties properties;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;

    DeclarationService(DeclarationStore store, DeclarationEvents declarationEvents, MeterRegistry meters, Clock clock,
            GiftsProperties properties, StaffDirectory staff, ApplicationEventPublisher events) {
        this.store = store;
        this.declarationEvents = declarationEvents;
        this.meters = meters;
        this.clock = clock;
        this.properties = properties;
        this.staff = staff;
        this.events = events;
    }

    DeclarationView declare(CurrentUser user, DeclareGift gift) {
        GiftsProblems.requireAgency(user);
        return create(user, gift, null);
    }

    /** A new version replacing {@code id}: only by its declarant, only while undecided and not yet corrected. */
    DeclarationView correct(CurrentUser user, String id, DeclareGift gift) {
        GiftsProblems.requireAgency(user);
        Declaration replaced = find(user, id);
        if (!replaced.declarant().subject().equals(user.subject())) {
            throw GiftsProblems.notDeclarant();
        }
        if (replaced.decision() != null) {
            throw GiftsProblems.decidedNotCorrectable();
        }
        if (store.supersededBy(replaced.id()) != null) {
            throw GiftsProblems.correctedAlready();
        }
        return create(user, gift, replaced);
    }

    /** The caller's own declarations, newest first, superseded ones included (marked so). */
    List<DeclarationView> mine(CurrentUser user) {
        GiftsProblems.requireAgency(user);
        List<Declaration> found = store.ofDeclarant(user.agency(), user.subject());
        Map<String, String> successors = store.successors(found);
        return found.stream().sorted(Comparator.comparing(Declaration::declaredAt).reversed())
                .map(d -> DeclarationView.of(d, successors.get(d.id()))).toList();
    }

    /** One declaration: for its declarant, and for the head and the integrity officer of its agency. */
    DeclarationView get(CurrentUser user, String id) {
        GiftsProblems.requireAgency(user);
        Declaration declaration = find(user, id);
        boolean own = declaration.declarant().subject().equals(user.subject());
        if (!own && !user.has(Role.HEAD) && !user.has(Role.OFFICER)) {
            throw GiftsProblems.notFound();
        }
        return DeclarationView.of(declaration, store.supersededBy(id));
    }

    /** The declaration {@code id} of the caller's agency; 404 for another agency's, as for none at all. */
    public Declaration find(CurrentUser user, String id) {
        return store.find(user.agency(), id).orElseThrow(GiftsProblems::notFound);
    }

    private DeclarationView create(CurrentUser user, DeclareGift gift, Declaration replaced) {
        LocalDate today = LocalDate.now(clock.withZone(FiscalCalendar.BANGKOK));
        List<FieldProblem> problems = DeclarationChecks.problems(gift, today);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        StaffMember declarant = staff.caller(user);
        BigDecimal value = DeclarationChecks.value(gift);
        int fiscalYear = FiscalCalendar.fiscalYear(gift.offeredOn());
        String occasionKey = DeclarationChecks.occasionKey(gift);
        String giverKey = DeclarationChecks.normalise(gift.giver().name());

        // Earlier gifts that add up with this one: same declarant, fiscal year, occasion and giver, still current
        // (the version being corrected excluded); summed here, exactly, the same on every server.
        BigDecimal earlier = DeclarationChecks.acceptedTotal(store.fromSameGiver(user.agency(), user.subject(),
                fiscalYear, occasionKey, giverKey, replaced == null ? null : replaced.id()));
        Evaluation evaluation = DeclarationChecks.evaluate(gift, earlier, today, properties.policyFor(user.agency()));

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        Declaration.Giver giver = new Declaration.Giver(gift.giver().name(), giverKey, gift.giver().type(),
                gift.giver().relation(), gift.giver().pendingBusiness());
        Declaration declaration = new Declaration(id, user.agency(), 1, declarant, gift.offeredOn(), giver,
                gift.kind(), gift.description(), value, gift.valuation(), gift.acceptanceReason(), gift.occasion(),
                gift.occasionDetail(), occasionKey, gift.disposition(), gift.disposedOn(), fiscalYear,
                Half.of(gift.offeredOn()), now, today, evaluation,
                replaced == null ? null : replaced.id(), null, null, null, List.of());
        declaration = declaration.withOutbox(
                List.of(declarationEvents.message(GiftEventData.DECLARED, GiftEventData.of(declaration), now)));
        try {
            store.insert(declaration);
        } catch (DuplicateKeyException alreadyCorrected) {
            throw GiftsProblems.correctedAlready();
        }
        if (replaced != null) {
            store.markSuperseded(replaced.id(), id, now);
        }
        declarationEvents.written(id);
        events.publishEvent(new DeclarationsChanged(user.agency()));
        Counter.builder(DECLARED_METRIC).description("Gift declarations by disposition and rule outcome")
                .tag("disposition", gift.disposition().name()).tag("outcome", evaluation.outcome().name())
                .register(meters).increment();
        log.info("Gift declaration {} in agency {}: {} {}{}", id, user.agency(), evaluation.outcome(),
                gift.disposition(), replaced == null ? "" : " (corrects " + replaced.id() + ")");
        return DeclarationView.of(declaration, null);
    }
}
