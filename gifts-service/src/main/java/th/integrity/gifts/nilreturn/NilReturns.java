package th.integrity.gifts.nilreturn;

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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.gifts.GiftsProblems;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.gifts.declaration.Declaration;
import th.integrity.gifts.declaration.DeclarationTopicProperties;
import th.integrity.gifts.declaration.Declarations;
import th.integrity.gifts.gift.Half;
import th.integrity.gifts.gift.Round;
import th.integrity.gifts.staff.StaffDirectory;
import th.integrity.platform.events.CloudEvent;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;

/** Filing a nil return: nothing to declare in a round. Refused once something was declared in it, or filed. */
@Service
public class NilReturns {

    private static final Logger log = LoggerFactory.getLogger(NilReturns.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final StaffDirectory staff;
    private final String topic;

    public NilReturns(MongoTemplate mongo, Outbox outbox, JsonMapper json, Clock clock, StaffDirectory staff,
            DeclarationTopicProperties topic) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.staff = staff;
        this.topic = topic.name();
    }

    public NilReturnView file(FileNilReturn command) {
        CurrentUser user = GiftsProblems.caller();
        int fiscalYear = command.fiscalYear();
        Round round = command.round();
        LocalDate today = LocalDate.now(clock.withZone(FiscalCalendar.BANGKOK));
        if (FiscalYear.of(fiscalYear).firstDay().isAfter(today)) {
            throw GiftsProblems.invalid(List.of(new FieldProblem("fiscalYear",
                    "the round has not started yet: fiscal year " + fiscalYear + " begins on "
                            + FiscalYear.of(fiscalYear).firstDay(),
                    "รอบนี้ยังไม่เริ่ม: ปีงบประมาณ " + fiscalYear + " เริ่มวันที่ "
                            + FiscalCalendar.dateLabelThai(FiscalYear.of(fiscalYear).firstDay()))));
        }
        if (declaredIn(user, fiscalYear, round)) {
            throw new ProblemException(GiftsProblems.NIL_RETURN_CONFLICT,
                    "You have already declared a gift in this round, so you cannot report that there was none.",
                    "ท่านได้รายงานการรับของขวัญในรอบนี้แล้ว จึงรายงานว่าไม่มีการรับไม่ได้");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        CloudEvent event = CloudEvent.of(CloudEvent.source(user.agency(), "gifts"), NilReturn.TYPE, id, now,
                json.valueToTree(new NilReturn.Filed(user.agency(), id, fiscalYear, round, now)));
        NilReturn nil = new NilReturn(id, user.agency(), staff.caller(user), fiscalYear, round, now,
                List.of(outbox.message(topic, user.agency() + ":" + id, event)));
        try {
            mongo.insert(nil);
        } catch (DuplicateKeyException filed) {
            throw new ProblemException(GiftsProblems.NIL_RETURN_CONFLICT,
                    "You have already filed a nil return for this round.",
                    "ท่านได้รายงานว่าไม่มีการรับของขวัญในรอบนี้ไว้แล้ว");
        }
        outbox.written(NilReturn.COLLECTION, id);
        log.info("Nil return {} filed in agency {} for {} {}", id, user.agency(), fiscalYear, round);
        return view(nil);
    }

    public List<NilReturnView> mine() {
        CurrentUser user = GiftsProblems.caller();
        return mongo.find(new Query(Criteria.where("agency").is(user.agency()).and("declarant.subject")
                .is(user.subject())), NilReturn.class).stream()
                .sorted(Comparator.comparing(NilReturn::filedAt).reversed()).map(NilReturns::view).toList();
    }

    /** Whether the caller has a current declaration offered within the round. */
    private boolean declaredIn(CurrentUser user, int fiscalYear, Round round) {
        Criteria criteria = Criteria.where("agency").is(user.agency()).and("declarant.subject").is(user.subject())
                .and("fiscalYear").is(fiscalYear).and("supersededBy").isNull();
        if (round == Round.H1) {
            criteria = criteria.and("half").is(Half.H1);
        }
        List<Declaration> found = mongo.find(new Query(criteria), Declaration.class);
        Map<String, String> successors = Declarations.successors(mongo, found);
        return found.stream().anyMatch(d -> !successors.containsKey(d.id()));
    }

    public static NilReturnView view(NilReturn n) {
        return new NilReturnView(n.id(), n.agency(), n.declarant(), n.fiscalYear(), n.round(),
                n.round().describedTh(n.fiscalYear()), n.round().describedEn(n.fiscalYear()), n.filedAt());
    }
}
