package th.integrity.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of a servlet service answered as RFC 9457 problem details ({@code application/problem+json}):
 * a stable {@code type} ({@code urn:integrity:problem:...}), {@code title} and {@code detail} in English,
 * {@code title_th} and {@code detail_th} in Thai, and for invalid input an {@code errors} array naming each
 * offending field in both languages. A dependency that is down (MongoDB) gives 503 with {@code Retry-After};
 * anything unexpected gives 500. Stack traces go to the log, never to the caller.
 *
 * <p>A service's own {@code @RestControllerAdvice} is consulted before this one (it is registered first and
 * this one has the lowest precedence), so it can answer its own exceptions, or throw {@link ProblemException}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final ViolationMessages violations;
    private final Duration retryAfter;
    private final List<Class<? extends Throwable>> unavailable;

    /**
     * @param unavailable exception types that mean a dependency is down rather than a bug (anywhere in the
     *                    cause chain), e.g. Spring's {@code DataAccessResourceFailureException}
     */
    ProblemDetailsAdvice(ViolationMessages violations, Duration retryAfter,
            List<Class<? extends Throwable>> unavailable) {
        this.violations = violations;
        this.retryAfter = retryAfter;
        this.unavailable = List.copyOf(unavailable);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ObjectError error : ex.getBindingResult().getAllErrors()) {
            String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
            ConstraintViolation<?> violation = error.contains(ConstraintViolation.class)
                    ? error.unwrap(ConstraintViolation.class) : null;
            errors.add(describe(field, error, violation));
        }
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? fieldError.getField()
                        : result.getMethodParameter().getParameterName();
                ConstraintViolation<?> violation;
                try {
                    violation = result.unwrap(error, ConstraintViolation.class);
                } catch (IllegalArgumentException notAViolation) {
                    violation = null;
                }
                errors.add(describe(field, error, violation));
            }
        }
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        MismatchedInputException mismatch = causeOf(ex, MismatchedInputException.class);
        String field = mismatch == null ? "" : path(mismatch);
        if (!field.isEmpty()) {
            // Well-formed JSON with a value of the wrong type, or not one of an enumeration's values.
            return invalid(ex, List.of(wrongValue(field, mismatch)), headers, request);
        }
        ProblemDetail problem = ProblemException.of(ProblemType.MALFORMED_REQUEST, "platform.body.malformed").getBody();
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = ex.getSupportedMediaTypes().stream().map(Object::toString)
                .collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "platform.body.media-type",
                supported).getBody();
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /**
     * A multipart body that cannot be parsed (no closing boundary, cut short, a boundary longer than the parser's
     * buffer, none given): the client's mistake. Too large a body is {@code MaxUploadSizeExceededException}, which
     * the base class answers 413 (a closer match than this handler).
     */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<Object> handleMalformedMultipart(MultipartException ex, WebRequest request) {
        ProblemException mistake = ClientMistakes.problemFor(ex);
        ProblemDetail problem = (mistake == null ? ClientMistakes.malformedMultipart() : mistake).getBody();
        ClientMistakes.log(ex);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
                request);
    }

    /** Everything Spring MVC did not map: a client's mistake the container found, a dependency that is down, or a bug. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
        if (ex.getClass().getName().startsWith("org.springframework.security.")) {
            // Access denied and missing authentication belong to Spring Security's own handling (401/403).
            throw ex;
        }
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem;
        ProblemException mistake = ClientMistakes.problemFor(ex);
        if (mistake != null) {
            problem = mistake.getBody();
            ClientMistakes.log(ex);
        } else if (isUnavailable(ex)) {
            log.warn("A dependency is unavailable: {}", ex.toString());
            problem = ProblemException.of(ProblemType.UNAVAILABLE, "platform.unavailable").getBody();
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        } else {
            log.error("Unexpected error", ex);
            problem = ProblemException.of(ProblemType.INTERNAL, "platform.internal").getBody();
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** Gives the problems Spring MVC builds itself (404, 405, 406, ...) a stable type and a Thai title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // A ProblemException (any ErrorResponse) carries its own problem: keep its type, texts and field errors.
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ex instanceof ErrorResponse response ? response.getBody() : ProblemDetail.forStatus(statusCode);
        if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
            ProblemType type = ProblemType.forStatus(statusCode);
            problem.setType(type.uri());
            problem.setTitle(type.title());
            problem.setProperty(ProblemType.TITLE_TH, type.titleTh());
        }
        if (problem.getDetail() == null) {
            problem.setDetail(problem.getTitle());
            if (problem.getProperties() == null || !problem.getProperties().containsKey(ProblemType.DETAIL_TH)) {
                Object titleTh = problem.getProperties() == null ? null
                        : problem.getProperties().get(ProblemType.TITLE_TH);
                if (titleTh != null) {
                    problem.setProperty(ProblemType.DETAIL_TH, titleTh);
                }
            }
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(Exception ex, List<FieldProblem> errors, HttpHeaders headers,
            WebRequest request) {
        List<FieldProblem> sorted = errors.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
        ProblemDetail problem = ProblemException.invalid(sorted).getBody();
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private FieldProblem describe(String field, MessageSourceResolvable error, ConstraintViolation<?> violation) {
        if (violation != null) {
            return violations.describe(field, violation);
        }
        // A binding error without a constraint behind it, e.g. a value that could not be converted.
        FieldProblem invalid = FieldProblem.of(field, "platform.field.invalid");
        return error.getDefaultMessage() == null ? invalid
                : new FieldProblem(field, error.getDefaultMessage(), invalid.messageTh());
    }

    private static FieldProblem wrongValue(String field, MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        if (mismatch instanceof InvalidFormatException && target != null && target.isEnum()) {
            // Not the codes: a person chooses among the form's own choices.
            return FieldProblem.of(field, "platform.field.one-of");
        }
        return FieldProblem.of(field, "platform.field.wrong-type");
    }

    /** {@code items[0].name} from Jackson's path to the offending value. */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private boolean isUnavailable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : unavailable) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
