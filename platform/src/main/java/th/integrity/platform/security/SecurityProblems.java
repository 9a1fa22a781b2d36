package th.integrity.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as RFC 9457 problem details in Thai and English, never a stack trace or an HTML page. */
class SecurityProblems {

    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "urn:integrity:problem:unauthenticated",
                "Sign-in required, or the access token is invalid or expired",
                "ต้องเข้าสู่ระบบ หรือโทเค็นไม่ถูกต้องหรือหมดอายุ");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "urn:integrity:problem:forbidden",
                "Your role does not allow this", "บทบาทของท่านไม่มีสิทธิ์ดำเนินการนี้");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String titleTh) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("title_th", titleTh);
        body.put("status", status.value());
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
