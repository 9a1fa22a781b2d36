package th.integrity.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

import tools.jackson.databind.json.JsonMapper;

/**
 * Boot's {@code /error}, where the servlet container forwards what no controller answered: a filter's
 * {@code sendError} (Spring Security, a rate limit), an exception thrown by a filter. Replaces Boot's
 * {@code BasicErrorController}, whose JSON ({@code timestamp}, {@code error}, {@code path}) is not problem details.
 * Always {@code application/problem+json}, whatever the client accepts (an error has no other representation
 * here), with the status of the error; a {@link ProblemException} thrown by a filter keeps its own problem.
 * <p>
 * A plain {@code @Controller} whose method returns a {@code ResponseEntity} (no {@code @ResponseBody}): springdoc
 * leaves such handlers out of {@code /v3/api-docs}, as it leaves out Boot's.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private final ErrorAttributes errors;
    private final JsonMapper json;

    ProblemErrorController(ErrorAttributes errors, JsonMapper json) {
        this.errors = errors;
        this.json = json;
    }

    @RequestMapping
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        Throwable failure = errors == null ? null : errors.getError(new ServletWebRequest(request));
        ProblemException mistake = failure == null ? null : ClientMistakes.problemFor(failure);
        if (mistake != null) {
            // A filter read a parameter that is not UTF-8, or a multipart body that is broken: the client's mistake.
            ClientMistakes.log(failure);
            failure = mistake;
        }
        Map<String, Object> body = failure instanceof ErrorResponse problem ? RejectedRequestProblems.of(problem)
                : RejectedRequestProblems.forStatus(status(request, failure));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && !body.containsKey("instance")) {
            body.put("instance", path);
        }
        return ResponseEntity.status((Integer) body.get("status"))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(json.writeValueAsBytes(body));
    }

    private static int status(HttpServletRequest request, Throwable failure) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer status && status >= 400) {
            return status;
        }
        // Reached without a status (called directly, or an exception without one): a server error if anything failed.
        return failure != null || code != null ? HttpStatus.INTERNAL_SERVER_ERROR.value() : HttpStatus.NOT_FOUND.value();
    }
}
