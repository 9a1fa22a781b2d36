package th.integrity.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import th.integrity.platform.text.Texts;

/**
 * A kind of problem with its stable {@code type} URI, its HTTP status and its title in English and Thai.
 * Clients branch on {@link #uri()}, never on the wording, so titles may be reworded freely: they live in the
 * message bundles under {@code problem.<name>.title} (see {@link Texts}). Services declare their own types the
 * same way, in their {@code …Problems} class: {@code new ProblemType("tracking-code-unknown", NOT_FOUND)}.
 *
 * @param name    the last part of the type URI, e.g. {@code validation}
 * @param status  the HTTP status the problem is answered with
 * @param title   English title
 * @param titleTh Thai title
 */
public record ProblemType(String name, HttpStatus status, String title, String titleTh) {

    public static final String URN_PREFIX = "urn:integrity:problem:";
    /** Extension members of the problem JSON besides RFC 9457's own. */
    public static final String TITLE_TH = "title_th";
    public static final String DETAIL_TH = "detail_th";
    public static final String ERRORS = "errors";

    public static final ProblemType VALIDATION = new ProblemType("validation", HttpStatus.BAD_REQUEST);
    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", HttpStatus.BAD_REQUEST);
    public static final ProblemType BAD_REQUEST = new ProblemType("bad-request", HttpStatus.BAD_REQUEST);
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", HttpStatus.UNAUTHORIZED);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", HttpStatus.FORBIDDEN);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", HttpStatus.NOT_FOUND);
    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED);
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", HttpStatus.NOT_ACCEPTABLE);
    public static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType("payload-too-large", HttpStatus.CONTENT_TOO_LARGE);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    public static final ProblemType INTERNAL = new ProblemType("internal", HttpStatus.INTERNAL_SERVER_ERROR);
    public static final ProblemType UNAVAILABLE = new ProblemType("unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    /**
     * A type whose titles are the bundles' {@code problem.<name>.title} (English and Thai), the way every service
     * declares its own types: {@code new ProblemType("tracking-code-unknown", HttpStatus.NOT_FOUND)}.
     */
    public ProblemType(String name, HttpStatus status) {
        this(name, status, Texts.in(Locale.ENGLISH, titleKey(name)), Texts.in(Texts.THAI, titleKey(name)));
    }

    static String titleKey(String name) {
        return "problem." + name + ".title";
    }

    public URI uri() {
        return URI.create(URN_PREFIX + name);
    }

    /** A problem of this type; {@code detail} says what happened to this request, in both languages. */
    public ProblemDetail toProblemDetail(String detail, String detailTh) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        problem.setProperty(TITLE_TH, titleTh);
        if (detailTh != null) {
            problem.setProperty(DETAIL_TH, detailTh);
        }
        return problem;
    }

    /**
     * The same problem as a plain map in the order the services answer it, for code that writes the response
     * itself (security entry points, Tomcat's error valve, requests refused before any controller).
     */
    public Map<String, Object> toBody(String detail, String detailTh) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", uri().toString());
        body.put("title", title);
        body.put(TITLE_TH, titleTh);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put(DETAIL_TH, detailTh);
        return body;
    }

    /** The type for a status Spring MVC, Tomcat or a filter raised on its own (an unknown path, a wrong method, ...). */
    static ProblemType forStatus(HttpStatusCode code) {
        return switch (code.value()) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 500 -> INTERNAL;
            case 503 -> UNAVAILABLE;
            default -> {
                HttpStatus status = HttpStatus.resolve(code.value());
                if (status == null) {
                    status = code.is5xxServerError() ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
                }
                yield new ProblemType("http-" + status.value(), status, status.getReasonPhrase(), Texts.in(Texts.THAI,
                        status.is5xxServerError() ? "problem.internal.title" : "problem.other-client-error.title"));
            }
        };
    }
}
