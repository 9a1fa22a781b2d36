package th.integrity.gifts.declaration;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.gifts.GiftsProblems;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.Half;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.policy.Evaluation;
import th.integrity.gifts.policy.GiftRule;
import th.integrity.gifts.policy.GiftsProperties;
import th.integrity.gifts.staff.StaffDirectory;
import th.integrity.gifts.staff.StaffMember;
import th.integrity.platform.events.CloudEvent;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.outbox.OutboxMessage;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.security.Role;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;

/**
 * Declaring a gift and correcting a declaration. Each is one insert holding the declaration, the rule's result
 * and its {@code gift.declared.v1} event; a correction then marks the version it replaces as superseded.
 */
@Service
public class Declarations {

    public static final String DECLARED_METRIC = "integrity.gifts.declarations";

    private static final Logger log = LoggerFactory.getLogger(Declarations.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final GiftsProperties properties;
    private final StaffDirectory staff;
    private final String topic;
    private final ApplicationEventPublisher events;

    public Declarations(MongoTemplate mongo, Outbox outbox, JsonMapper json, MeterRegistry meters, Clock clock,
            GiftsProperties properties, StaffDirectory staff, DeclarationTopicProperties topic,
            ApplicationEventPublisher events) {
        this.events = events;
        this.mongo = mongo;
        this.outbox = outbox;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.properties = properties;
        this.staff = staff;
        this.topic = topic.name();
    }

    public DeclarationView declare(DeclareGift gift) {
        CurrentUser user = GiftsProblems.caller();
        return create(user, gift, null);
    }

    /** A new version replacing {@code id}: only by its declarant, only while undecided and not yet corrected. */
    public DeclarationView correct(String id, DeclareGift gift) {
        CurrentUser user = GiftsProblems.caller();
        Declaration replaced = find(user, id);
        if (!replaced.declarant().subject().equals(user.subject())) {
            throw new ProblemException(GiftsProblems.NOT_DECLARANT,
                    "Only the person who declared it may correct a declaration.",
                    "เฉพาะผู้ยื่นรายการเท่านั้นที่แก้ไขรายการได้");
        }
        if (replaced.decision() != null) {
            throw new ProblemException(GiftsProblems.ALREADY_DECIDED,
                    "The head of agency has decided on this declaration; it can no longer be corrected.",
                    "ผู้บังคับบัญชาวินิจฉัยรายการนี้แล้ว จึงแก้ไขไม่ได้");
        }
        if (supersededBy(replaced.id()) != null) {
            throw supersededProblem();
        }
        return create(user, gift, replaced);
    }

    /** The caller's own declarations, newest first, superseded ones included (marked so). */
    public List<DeclarationView> mine() {
        CurrentUser user = GiftsProblems.caller();
        List<Declaration> found = mongo.find(new Query(Criteria.where("agency").is(user.agency())
                .and("declarant.subject").is(user.subject())), Declaration.class);
        Map<String, String> successors = successors(found);
        return found.stream().sorted(Comparator.comparing(Declaration::declaredAt).reversed())
                .map(d -> DeclarationView.of(d, successors.get(d.id()))).toList();
    }

    /** One declaration: for its declarant, and for the head and the integrity officer of its agency. */
    public DeclarationView get(String id) {
        CurrentUser user = GiftsProblems.caller();
        Declaration declaration = find(user, id);
        boolean own = declaration.declarant().subject().equals(user.subject());
        if (!own && !user.has(Role.HEAD)
                && !user.has(Role.OFFICER)) {
            throw GiftsProblems.notFound();
        }
        return DeclarationView.of(declaration, supersededBy(id));
    }

    /** The declaration {@code id} of the caller's agency; 404 for another agency's, as for none at all. */
    public Declaration find(CurrentUser user, String id) {
        Declaration declaration = mongo.findOne(new Query(Criteria.where("_id").is(id).and("agency").is(user.agency())),
                Declaration.class);
        if (declaration == null) {
            throw GiftsProblems.notFound();
        }
        return declaration;
    }

    /**
     * The correction that replaces {@code id}, if any. The marker on the old document is written after the
     * correction is inserted; the correction's own {@code supersedes} is the fact, so it is consulted too.
     */
    public String supersededBy(String id) {
        Declaration old = mongo.findById(id, Declaration.class);
        if (old != null && old.supersededBy() != null) {
            return old.supersededBy();
        }
        Declaration successor = mongo.findOne(new Query(Criteria.where("supersedes").is(id)), Declaration.class);
        return successor == null ? null : successor.id();
    }

    /** For each of {@code declarations} that has been corrected: its id → the correction's id. */
    public Map<String, String> successors(Collection<Declaration> declarations) {
        return successors(mongo, declarations);
    }

    public static Map<String, String> successors(MongoTemplate mongo, Collection<Declaration> declarations) {
        Map<String, String> successors = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (Declaration d : declarations) {
            if (d.supersededBy() != null) {
                successors.put(d.id(), d.supersededBy());
            } else {
                ids.add(d.id());
            }
        }
        if (!ids.isEmpty()) {
            Query query = new Query(Criteria.where("supersedes").in(ids));
            query.fields().include("_id", "supersedes");
            for (org.bson.Document c : mongo.find(query, org.bson.Document.class, Declaration.COLLECTION)) {
                successors.put(c.getString("supersedes"), c.getString("_id"));
            }
        }
        return successors;
    }

    private DeclarationView create(CurrentUser user, DeclareGift gift, Declaration replaced) {
        LocalDate today = LocalDate.now(clock.withZone(FiscalCalendar.BANGKOK));
        check(gift, today);
        StaffMember declarant = staff.caller(user);
        BigDecimal value = gift.value().setScale(2);
        int fiscalYear = FiscalCalendar.fiscalYear(gift.offeredOn());
        String occasionKey = gift.occasion() == Occasion.OTHER
                ? Occasion.OTHER.name() + ":" + normalise(gift.occasionDetail()) : gift.occasion().name();
        String giverKey = normalise(gift.giver().name());

        BigDecimal earlier = earlierFromSameGiver(user, fiscalYear, occasionKey, giverKey,
                replaced == null ? null : replaced.id());
        GiftsProperties.Policy policy = properties.policyFor(user.agency());
        Evaluation evaluation = GiftRule.evaluate(new GiftRule.Facts(gift.giver().relation(), gift.kind(),
                gift.giver().pendingBusiness(), gift.disposition(), value, earlier, gift.offeredOn(), today), policy);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        Declaration.Giver giver = new Declaration.Giver(gift.giver().name(), giverKey, gift.giver().type(),
                gift.giver().relation(), gift.giver().pendingBusiness());
        Declaration declaration = new Declaration(id, user.agency(), 1, declarant, gift.offeredOn(), giver,
                gift.kind(), gift.description(), value, gift.valuation(), gift.acceptanceReason(), gift.occasion(),
                gift.occasionDetail(), occasionKey, gift.disposition(), gift.disposedOn(), fiscalYear,
                Half.of(gift.offeredOn()), now, today, evaluation,
                replaced == null ? null : replaced.id(), null, null, null, List.of());
        declaration = withEvent(declaration, GiftEventData.DECLARED, now);
        try {
            mongo.insert(declaration);
        } catch (DuplicateKeyException alreadyCorrected) {
            throw supersededProblem();
        }
        if (replaced != null) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(replaced.id()).and("supersededBy").isNull()),
                    new Update().set("supersededBy", id).set("supersededAt", now), Declaration.class);
        }
        outbox.written(Declaration.COLLECTION, id);
        events.publishEvent(new DeclarationsChanged(user.agency()));
        Counter.builder(DECLARED_METRIC).description("Gift declarations by disposition and rule outcome")
                .tag("disposition", gift.disposition().name()).tag("outcome", evaluation.outcome().name())
                .register(meters).increment();
        log.info("Gift declaration {} in agency {}: {} {}{}", id, user.agency(), evaluation.outcome(),
                gift.disposition(), replaced == null ? "" : " (corrects " + replaced.id() + ")");
        return DeclarationView.of(declaration, null);
    }

    /** The declaration with the event describing it (as it is now) added to its outbox. */
    public Declaration withEvent(Declaration d, String type, Instant time) {
        CloudEvent event = CloudEvent.of(CloudEvent.source(d.agency(), GiftEventData.SERVICE), type, d.id(), time,
                json.valueToTree(GiftEventData.of(d)));
        OutboxMessage message = outbox.message(topic, d.agency() + ":" + d.id(), event);
        List<OutboxMessage> messages = new ArrayList<>(d.outbox() == null ? List.of() : d.outbox());
        messages.add(message);
        return new Declaration(d.id(), d.agency(), d.version(), d.declarant(), d.offeredOn(), d.giver(), d.kind(),
                d.description(), d.value(), d.valuation(), d.acceptanceReason(), d.occasion(), d.occasionDetail(),
                d.occasionKey(), d.disposition(), d.disposedOn(), d.fiscalYear(), d.half(), d.declaredAt(),
                d.declaredOn(), d.evaluation(), d.supersedes(), d.supersededBy(), d.supersededAt(), d.decision(),
                messages);
    }

    /**
     * Earlier gifts that add up with this one: same agency, same declarant, same fiscal year, same occasion, same
     * giver (by normalised name), still current, and accepted (refused and returned ones were never taken).
     */
    private BigDecimal earlierFromSameGiver(CurrentUser user, int fiscalYear, String occasionKey, String giverKey,
            String excluded) {
        Criteria criteria = Criteria.where("agency").is(user.agency()).and("declarant.subject").is(user.subject())
                .and("fiscalYear").is(fiscalYear).and("occasionKey").is(occasionKey).and("giver.nameKey").is(giverKey)
                .and("supersededBy").isNull();
        if (excluded != null) {
            criteria = criteria.and("_id").ne(excluded);
        }
        List<Declaration> earlier = mongo.find(new Query(criteria), Declaration.class);
        Map<String, String> successors = successors(earlier);
        // Summed here, exactly, rather than by an aggregation: the same on every server.
        return earlier.stream().filter(d -> !successors.containsKey(d.id()) && d.disposition().accepted())
                .map(Declaration::value).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The rules that involve several fields, each reported in Thai and English. */
    private static void check(DeclareGift gift, LocalDate today) {
        List<FieldProblem> errors = new ArrayList<>();
        if (gift.offeredOn().isAfter(today)) {
            errors.add(new FieldProblem("offeredOn", "must not be in the future",
                    "วันที่ได้รับต้องไม่เป็นวันในอนาคต"));
        }
        if (gift.disposition() != Disposition.KEPT && gift.disposedOn() == null) {
            errors.add(new FieldProblem("disposedOn",
                    "is required: the date it was refused, returned, handed over or donated",
                    "ต้องระบุวันที่ปฏิเสธ ส่งคืน ส่งมอบ หรือบริจาค"));
        }
        if (gift.disposedOn() != null && (gift.disposedOn().isBefore(gift.offeredOn())
                || gift.disposedOn().isAfter(today))) {
            errors.add(new FieldProblem("disposedOn", "must be between the date offered and today",
                    "ต้องอยู่ระหว่างวันที่ได้รับถึงวันนี้"));
        }
        if (gift.disposition() == Disposition.KEPT && gift.acceptanceReason() == null) {
            errors.add(new FieldProblem("acceptanceReason", "is required when the gift was kept: say why it was accepted",
                    "ต้องระบุเหตุผลที่รับไว้ เมื่อเก็บของขวัญไว้"));
        }
        if (gift.occasion() == Occasion.OTHER && gift.occasionDetail() == null) {
            errors.add(new FieldProblem("occasionDetail", "is required when the occasion is OTHER: name the occasion",
                    "ต้องระบุโอกาส เมื่อเลือกโอกาส อื่น ๆ"));
        }
        if (!errors.isEmpty()) {
            throw GiftsProblems.invalid(errors);
        }
    }

    /** The same giver written with different spacing or case is the same giver. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    private static ProblemException supersededProblem() {
        return new ProblemException(GiftsProblems.SUPERSEDED,
                "This declaration has already been corrected; correct the latest version instead.",
                "รายการนี้ถูกแก้ไขไปแล้ว กรุณาแก้ไขจากฉบับล่าสุด");
    }
}
