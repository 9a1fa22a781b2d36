package th.integrity.stats.table;

import java.util.List;

import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/** A request parameter the caller must fix: 400, naming the parameter in Thai and English. */
public class InvalidParameterException extends ProblemException {

    public InvalidParameterException(String parameter, String messageEn, String messageTh) {
        super(ProblemType.VALIDATION, messageEn, messageTh, List.of(new FieldProblem(parameter, messageEn, messageTh)));
    }
}
