package th.integrity.platform.web;

import java.util.List;

import org.springframework.web.ErrorResponseException;

/**
 * Thrown by a service to answer with a problem of a given type, e.g. a case that does not exist. The
 * shared advice renders it as {@code application/problem+json}, keeping its type, titles and details.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(ProblemType type, String detail, String detailTh) {
        super(type.status(), type.toProblemDetail(detail, detailTh), null);
    }

    public ProblemException(ProblemType type, String detail, String detailTh, List<FieldProblem> errors) {
        this(type, detail, detailTh);
        getBody().setProperty(ProblemType.ERRORS, errors);
    }
}
