package th.integrity.platform.web;

import java.util.List;

import org.springframework.web.ErrorResponseException;

import th.integrity.platform.text.Text;
import th.integrity.platform.text.Texts;

/**
 * Thrown by a service to answer with a problem of a given type, e.g. a case that does not exist. The
 * shared advice renders it as {@code application/problem+json}, keeping its type, titles and details.
 * Services build them in their one {@code …Problems} class from bundle keys ({@link #of}) and report invalid
 * input, all offending fields at once, with {@link #invalid}.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(ProblemType type, String detail, String detailTh) {
        super(type.status(), type.toProblemDetail(detail, detailTh), null);
    }

    public ProblemException(ProblemType type, String detail, String detailTh, List<FieldProblem> errors) {
        this(type, detail, detailTh);
        getBody().setProperty(ProblemType.ERRORS, errors);
    }

    /** A problem whose detail is the bundles' text under {@code detailKey}, with {@code args} filled in. */
    public static ProblemException of(ProblemType type, String detailKey, Object... args) {
        Text detail = Texts.get(detailKey, args);
        return new ProblemException(type, detail.en(), detail.th());
    }

    /** 400 {@code validation}, naming every offending field in the order given. */
    public static ProblemException invalid(List<FieldProblem> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("An invalid request names at least one field");
        }
        // People read the form's labels, never the paths (those stay in errors[].field for machines).
        Text labels = FieldLabels.list(errors.stream().map(FieldProblem::field).toList());
        Text detail = new Text(Texts.in(java.util.Locale.ENGLISH, "platform.validation.detail", labels.en()),
                Texts.in(Texts.THAI, "platform.validation.detail", labels.th()));
        return new ProblemException(ProblemType.VALIDATION, detail.en(), detail.th(), List.copyOf(errors));
    }

    public static ProblemException invalid(FieldProblem... errors) {
        return invalid(List.of(errors));
    }
}
