package th.integrity.gifts.nilreturn;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.gifts.GiftsProblems;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.gifts.declaration.DeclarationStore;
import th.integrity.gifts.declaration.DeclarationTopicProperties;
import th.integrity.gifts.gift.Round;
import th.integrity.gifts.staff.StaffDirectory;
import th.integrity.platform.events.CloudEvent;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;

/** Filing a nil return: nothing to declare in a round. Refused once something was declared in it, or filed. */
@Service
class NilReturnService {

    private static final Logger log = LoggerFactory.getLogger(NilReturnService.class);

    private final NilReturnStore store;
    private final DeclarationStore declarations;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final StaffDirectory staff;
    private final String topic;

    NilReturnService(NilReturnStore store, DeclarationStore declarations, Outbox outbox, JsonMapper json,
            Clock clock, StaffDirectory staff, DeclarationTopicProperties topic) {
        this.store = store;
        this.declarations = declarations;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.staff = staff;
        this.topic = topic.name();
    }

    NilReturnView file(CurrentUser user, FileNilReturn command) {
        GiftsProblems.requireAgency(user);
        int fiscalYear = command.fiscalYear();
        Round round = command.round();
        LocalDate today = LocalDate.now(clock.withZone(FiscalCalendar.BANGKOK));
        if (FiscalYear.of(fiscalYear).firstDay().isAfter(today)) {
            // {1} the first day in English, {2} in Thai: both Buddhist Era (1 October 2570 BE, 1 ตุลาคม 2570).
            throw ProblemException.invalid(FieldProblem.of("fiscalYear", "gifts.fiscalYear.not-started", fiscalYear,
                    FiscalCalendar.dateLabelEnglish(FiscalYear.of(fiscalYear).firstDay()),
                    FiscalCalendar.dateLabelThai(FiscalYear.of(fiscalYear).firstDay())));
        }
        if (!declarations.currentInRound(user.agency(), user.subject(), fiscalYear, round).isEmpty()) {
            throw GiftsProblems.nilReturnAfterDeclaring();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        CloudEvent event = CloudEvent.of(CloudEvent.source(user.agency(), "gifts"), NilReturn.TYPE, id, now,
                json.valueToTree(new NilReturn.Filed(user.agency(), id, fiscalYear, round, now)));
        NilReturn nil = new NilReturn(id, user.agency(), staff.caller(user), fiscalYear, round, now,
                List.of(outbox.message(topic, user.agency() + ":" + id, event)));
        try {
            store.insert(nil);
        } catch (DuplicateKeyException filed) {
            throw GiftsProblems.nilReturnFiled();
        }
        outbox.written(NilReturn.COLLECTION, id);
        log.info("Nil return {} filed in agency {} for {} {}", id, user.agency(), fiscalYear, round);
        return view(nil);
    }

    List<NilReturnView> mine(CurrentUser user) {
        GiftsProblems.requireAgency(user);
        return store.ofDeclarant(user.agency(), user.subject()).stream()
                .sorted(Comparator.comparing(NilReturn::filedAt).reversed()).map(NilReturnService::view).toList();
    }

    static NilReturnView view(NilReturn n) {
        return new NilReturnView(n.id(), n.agency(), n.declarant(), n.fiscalYear(), n.round(),
                n.round().describedTh(n.fiscalYear()), n.round().describedEn(n.fiscalYear()), n.filedAt());
    }
}
