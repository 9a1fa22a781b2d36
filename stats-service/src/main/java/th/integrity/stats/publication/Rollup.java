package th.integrity.stats.publication;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.stats.agency.AgencyDirectory;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalPeriod;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.ComplaintTables;
import th.integrity.stats.table.Labels;
import java.util.Locale;
import th.integrity.platform.text.Texts;

/**
 * The city-wide table: every agency's current complaint publication for a fiscal year and through-month,
 * summed cell by cell. Counts add up exactly; the average days to conclusion is the mean of the agencies'
 * averages weighted by their concluded counts (exact when every concluded case had known dates).
 */
@Service
class Rollup {

    public static final String CITY = "ALL";

    /**
     * @param included the agencies whose current publication is in the sum
     * @param missing  configured agencies without a publication for this fiscal year and month
     * @param table    the summed table (agency {@code ALL})
     */
    public record View(int fiscalYear, String through, List<Included> included, List<Missing> missing,
            ComplaintTable table) {
    }

    public record Included(String agency, @JsonProperty("name_th") String nameTh, String publicationId, int revision,
            String checksum) {
    }

    public record Missing(String agency, @JsonProperty("name_th") String nameTh) {
    }

    private final PublicationService publications;
    private final AgencyDirectory agencies;
    private final JsonMapper json;
    private final Clock clock;

    public Rollup(PublicationService publications, AgencyDirectory agencies, JsonMapper json, Clock clock) {
        this.publications = publications;
        this.agencies = agencies;
        this.json = json;
        this.clock = clock;
    }

    public View rollup(FiscalYear fiscalYear, YearMonth through) {
        Map<String, Publication> current = publications.currentComplaintTables(fiscalYear.buddhistYear(), through);
        List<Included> included = new ArrayList<>();
        List<ComplaintTable> tables = new ArrayList<>();
        current.forEach((agency, publication) -> {
            included.add(new Included(agency, agencies.nameTh(agency), publication.id(), publication.revision(),
                    publication.checksum()));
            tables.add(json.readValue(publication.content(), ComplaintTable.class));
        });
        List<Missing> missing = agencies.codes().stream().filter(code -> !current.containsKey(code))
                .map(code -> new Missing(code, agencies.nameTh(code))).toList();
        return new View(fiscalYear.buddhistYear(), through.toString(), included, missing,
                sum(tables, fiscalYear, through));
    }

    private ComplaintTable sum(List<ComplaintTable> tables, FiscalYear fiscalYear, YearMonth through) {
        List<YearMonth> months = fiscalYear.monthsThrough(through);
        List<ComplaintTable.Block> blocks = new ArrayList<>();
        List<Labels.Label> categories = new ArrayList<>(Labels.CATEGORIES);
        categories.add(Labels.ALL_CATEGORIES);
        for (int b = 0; b < categories.size(); b++) {
            List<ComplaintTable.Row> rows = new ArrayList<>();
            for (int m = 0; m < months.size(); m++) {
                YearMonth month = months.get(m);
                List<ComplaintTable.Row> parts = new ArrayList<>();
                for (ComplaintTable table : tables) {
                    parts.add(table.blocks().get(b).rows().get(m));
                }
                rows.add(add(month.toString(), FiscalCalendar.monthLabelThai(month),
                        FiscalCalendar.monthLabelEnglish(month), parts));
            }
            int block = b;
            List<ComplaintTable.Row> totals = tables.stream().map(t -> t.blocks().get(block).totals()).toList();
            blocks.add(new ComplaintTable.Block(categories.get(b).code(), categories.get(b).labelTh(),
                    categories.get(b).labelEn(), List.copyOf(rows), add("TOTAL", Texts.in(Texts.THAI, "stats.table.total"),
                    Texts.in(Locale.ENGLISH, "stats.table.total"), totals)));
        }
        FiscalPeriod period = fiscalYear.periodThrough(through);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), FiscalCalendar.BANGKOK);
        String nameTh = Texts.in(Texts.THAI, "stats.table.all-agencies");
        return new ComplaintTable(CITY, nameTh, Texts.in(Locale.ENGLISH, "stats.table.all-agencies"),
                fiscalYear.buddhistYear(), through.toString(),
                Texts.in(Texts.THAI, "stats.table.all-agencies-heading", ComplaintTables.TITLE_TH,
                        fiscalYear.buddhistYear()),
                Texts.in(Locale.ENGLISH, "stats.table.all-agencies-heading", ComplaintTables.TITLE_EN,
                        fiscalYear.buddhistYear()),
                new ComplaintTable.Period(period.from().toString(), period.to().toString(), period.labelThai(),
                        period.labelEnglish()),
                now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), FiscalCalendar.dateLabelThai(now.toLocalDate()),
                Labels.CHANNELS, Labels.PROGRESS, List.copyOf(blocks), blocks.get(blocks.size() - 1).totals().total(),
                Labels.REFERRAL_BODIES);
    }

    private static ComplaintTable.Row add(String month, String labelTh, String labelEn, List<ComplaintTable.Row> parts) {
        long[] received = new long[Labels.CHANNELS.size()];
        long[] progress = new long[Labels.PROGRESS.size()];
        long[] referred = new long[Labels.REFERRAL_BODIES.size()];
        long carried = 0;
        long concluded = 0;
        double weightedDays = 0;
        long weighted = 0;
        for (ComplaintTable.Row row : parts) {
            for (int c = 0; c < received.length; c++) {
                received[c] += row.received().getOrDefault(Labels.CHANNELS.get(c).code(), 0L);
            }
            for (int p = 0; p < progress.length; p++) {
                progress[p] += row.progress().getOrDefault(Labels.PROGRESS.get(p).code(), 0L);
            }
            for (int r = 0; r < referred.length; r++) {
                referred[r] += row.referred(Labels.REFERRAL_BODIES.get(r).code());
            }
            carried += row.carriedOver();
            concluded += row.concluded();
            if (row.averageDaysToConclusion() != null && row.concluded() > 0) {
                weightedDays += row.averageDaysToConclusion() * row.concluded();
                weighted += row.concluded();
            }
        }
        Map<String, Long> perChannel = new LinkedHashMap<>();
        long total = 0;
        for (int c = 0; c < received.length; c++) {
            perChannel.put(Labels.CHANNELS.get(c).code(), received[c]);
            total += received[c];
        }
        Map<String, Long> perState = new LinkedHashMap<>();
        for (int p = 0; p < progress.length; p++) {
            perState.put(Labels.PROGRESS.get(p).code(), progress[p]);
        }
        boolean empty = total == 0;
        return new ComplaintTable.Row(month, labelTh, labelEn, perChannel, total, carried, perState, concluded,
                weighted == 0 ? null : Math.round(weightedDays * 10 / weighted) / 10.0,
                empty ? Labels.EMPTY_REMARK_TH : "", empty ? Labels.EMPTY_REMARK_EN : "", empty,
                ComplaintTables.perBody(referred));
    }
}
