package th.integrity.gifts.register;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;

import th.integrity.gifts.GiftsProblems;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.gifts.declaration.Declaration;
import th.integrity.gifts.declaration.DeclarationStore;
import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.gift.Round;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.gifts.nilreturn.NilReturn;
import th.integrity.gifts.nilreturn.NilReturnStore;
import th.integrity.gifts.policy.GiftsProperties;
import th.integrity.gifts.staff.StaffDirectory;
import th.integrity.gifts.staff.StaffMember;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.text.Texts;

/** Compiles the register of the caller's agency for a fiscal round. */
@Service
class RegisterService {

    private final DeclarationStore declarations;
    private final NilReturnStore nilReturns;
    private final GiftsProperties properties;
    private final StaffDirectory staff;
    private final Clock clock;

    RegisterService(DeclarationStore declarations, NilReturnStore nilReturns, GiftsProperties properties,
            StaffDirectory staff, Clock clock) {
        this.declarations = declarations;
        this.nilReturns = nilReturns;
        this.properties = properties;
        this.staff = staff;
        this.clock = clock;
    }

    Register compile(CurrentUser user, int fiscalYear, Round round) {
        GiftsProblems.requireAgency(user);
        String agency = user.agency();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, FiscalCalendar.BANGKOK);

        List<Declaration> current = declarations.currentInRound(agency, null, fiscalYear, round).stream()
                .sorted(Comparator.comparing(Declaration::offeredOn).thenComparing(Declaration::declaredAt)).toList();
        List<NilReturn> nils = nilReturns.inRound(agency, fiscalYear, round).stream()
                .sorted(Comparator.comparing(NilReturn::filedAt)).toList();

        List<Register.Row> rows = new ArrayList<>();
        for (Declaration d : current) {
            rows.add(row(rows.size() + 1, d));
        }
        List<Register.NilRow> nilRows = new ArrayList<>();
        for (NilReturn n : nils) {
            LocalDate filedOn = LocalDate.ofInstant(n.filedAt(), FiscalCalendar.BANGKOK);
            nilRows.add(new Register.NilRow(nilRows.size() + 1, n.declarant().name(), n.declarant().position(),
                    n.declarant().division(), filedOn, FiscalCalendar.dateLabelThaiShort(filedOn)));
        }

        // Someone has reported when they declared something in the round or filed this round's nil return.
        Set<String> reported = new HashSet<>();
        current.forEach(d -> {
            reported.add(d.declarant().subject());
            reported.add(d.declarant().username());
        });
        nils.forEach(n -> {
            reported.add(n.declarant().subject());
            reported.add(n.declarant().username());
        });
        List<StaffMember> notReported = staff.staffOf(agency).stream()
                .filter(s -> !reported.contains(s.username())).toList();

        String nameTh = properties.nameTh(agency);
        String nameEn = properties.nameEn(agency);
        String roundTh = round.describedTh(fiscalYear);
        String roundEn = round.describedEn(fiscalYear);
        String titleTh = Texts.in(Texts.THAI, "gifts.register.title", nameTh, fiscalYear, roundTh);
        String titleEn = Texts.in(Locale.ENGLISH, "gifts.register.title", nameEn, fiscalYear, roundEn);
        return new Register(agency, nameTh, nameEn, fiscalYear, round, FiscalYear.of(fiscalYear).firstDay(),
                round.period(fiscalYear).to(), titleTh, titleEn, roundTh, roundEn, today,
                FiscalCalendar.dateLabelThaiShort(today), now, rows, nilRows, totals(current, nils.size(), notReported.size()),
                notReported);
    }

    private static Register.Row row(int no, Declaration d) {
        LocalDate decidedOn = d.decision() == null ? null
                : LocalDate.ofInstant(d.decision().decidedAt(), FiscalCalendar.BANGKOK);
        String occasion = d.occasion() == Occasion.OTHER ? d.occasion().labelTh() + ": " + d.occasionDetail()
                : d.occasion().labelTh();
        return new Register.Row(no, d.id(), d.supersedes(), d.declarant().name(), d.declarant().position(),
                d.declarant().division(), d.offeredOn(), FiscalCalendar.dateLabelThaiShort(d.offeredOn()), d.giver().name(),
                d.giver().type(), d.giver().relation(), d.giver().pendingBusiness(), d.kind(), d.description(),
                d.value(), d.valuation(), occasion, d.disposition(), d.disposedOn(), FiscalCalendar.dateLabelThaiShort(d.disposedOn()),
                d.evaluation().outcome(), d.evaluation().reasonTh(), d.evaluation().reasonEn(),
                d.evaluation().declaredLate(), d.decision() == null ? null : d.decision().decision(),
                d.decision() == null ? null : d.decision().note(), decidedOn, FiscalCalendar.dateLabelThaiShort(decidedOn),
                d.declaredOn(), FiscalCalendar.dateLabelThaiShort(d.declaredOn()));
    }

    private static Register.Totals totals(List<Declaration> declarations, int nilReturns, int notReported) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        List<Register.DispositionTotal> byDisposition = new ArrayList<>();
        for (Disposition disposition : Disposition.values()) {
            List<Declaration> of = declarations.stream().filter(d -> d.disposition() == disposition).toList();
            byDisposition.add(new Register.DispositionTotal(disposition, disposition.labelTh(), disposition.labelEn(),
                    of.size(), of.stream().map(Declaration::value).reduce(zero, BigDecimal::add)));
        }
        List<Register.OutcomeTotal> byOutcome = new ArrayList<>();
        for (RuleOutcome outcome : RuleOutcome.values()) {
            List<Declaration> of = declarations.stream().filter(d -> d.evaluation().outcome() == outcome).toList();
            byOutcome.add(new Register.OutcomeTotal(outcome, outcome.labelTh(), outcome.labelEn(), of.size(),
                    of.stream().map(Declaration::value).reduce(zero, BigDecimal::add)));
        }
        int late = (int) declarations.stream().filter(d -> d.evaluation().declaredLate()).count();
        int awaiting = (int) declarations.stream()
                .filter(d -> d.evaluation().outcome() == RuleOutcome.NEEDS_DECISION && d.decision() == null).count();
        return new Register.Totals(declarations.size(),
                declarations.stream().map(Declaration::value).reduce(zero, BigDecimal::add), byDisposition, byOutcome,
                nilReturns, notReported, late, awaiting);
    }
}
