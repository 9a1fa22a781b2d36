package th.integrity.stats;

import java.util.List;

import org.springframework.http.HttpStatus;

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
