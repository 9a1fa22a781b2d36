package th.integrity.stats;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.text.Text;
import th.integrity.platform.text.Texts;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * Every problem stats-service answers with: its own types (titles in {@code messages*.properties} under
 * {@code problem.<name>.title}) and the factories the features call. Details are texts under {@code stats.problem.*}.
 */
public final class StatsProblems {

    public static final ProblemType PERIOD_NOT_ENDED = new ProblemType("period-not-ended", HttpStatus.CONFLICT);
    public static final ProblemType ALREADY_PUBLISHED = new ProblemType("already-published", HttpStatus.CONFLICT);
    public static final ProblemType NOT_CURRENT = new ProblemType("not-current-revision", HttpStatus.CONFLICT);
    public static final ProblemType REPLAY_RUNNING = new ProblemType("replay-running", HttpStatus.CONFLICT);

    private StatsProblems() {
    }

    /**
     * 409: the table is published already (a month's complaints table, or a gift round's). The answer says to issue
     * a correction and carries {@code current: {id, revision}}, the publication a correction supersedes, so a client
     * can offer the correction form at once.
     *
     * @param through the month of a complaints table, or null
     * @param id      the current publication's id, or null when it could not be read
     */
    public static ProblemException alreadyPublished(YearMonth through, String id, int revision) {
        ProblemException problem = through != null && id != null
                ? ProblemException.of(ALREADY_PUBLISHED, "stats.problem.already-published.month",
                        FiscalCalendar.monthLabelEnglish(through), revision, FiscalCalendar.monthLabelThai(through))
                : id != null ? ProblemException.of(ALREADY_PUBLISHED, "stats.problem.already-published-revision", revision)
                : ProblemException.of(ALREADY_PUBLISHED, "stats.problem.already-published");
        if (id != null) {
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("id", id);
            current.put("revision", revision);
            problem.getBody().setProperty("current", current);
        }
        return problem;
    }

    /** 400 {@code validation} for one request parameter; the detail is the parameter's own message. */
    public static ProblemException invalidParameter(String parameter, String key, Object... args) {
        Text text = Texts.get(key, args);
        return new ProblemException(ProblemType.VALIDATION, text.en(), text.th(),
                List.of(new FieldProblem(parameter, text.en(), text.th())));
    }

    /**
     * The caller, who must belong to {@code agency}; anyone else gets the 404 of a record that does not exist, so
     * another agency's data cannot even be confirmed to exist.
     */
    public static CurrentUser inAgency(CurrentUser user, String agency) {
        if (user == null || !user.belongsTo(agency)) {
            throw ProblemException.of(ProblemType.NOT_FOUND, "platform.not-in-agency");
        }
        return user;
    }
}
