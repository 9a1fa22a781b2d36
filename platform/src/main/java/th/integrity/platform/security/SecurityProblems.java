package th.integrity.platform.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.platform.text.Text;
import th.integrity.platform.text.Texts;
import th.integrity.platform.web.ProblemType;

/**
 * 401 and 403 as RFC 9457 problem details in Thai and English, never a stack trace or an HTML page. These are
 * written here, not by the MVC advice, because Spring Security answers before a controller is reached.
 */
class SecurityProblems {

    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, ProblemType.UNAUTHENTICATED, "platform.unauthenticated");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, ProblemType.FORBIDDEN, "platform.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detailKey)
            throws IOException {
        Text detail = Texts.get(detailKey);
        Map<String, Object> body = type.toBody(detail.en(), detail.th());
        body.put("instance", request.getRequestURI());
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
