package th.integrity.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * The problem details answered for requests refused before any controller runs: by Tomcat (a malformed or
 * over-long request line or header, an encoded slash), by Spring Security's firewall ({@code ;}, {@code //},
 * {@code %2e%2e}, control characters), or by a filter that calls {@code sendError}. Same shape as every other
 * problem of the platform ({@code type}, {@code title}, {@code title_th}, {@code status}, {@code detail},
 * {@code detail_th}); nothing of the refused request is echoed and no server name or version is given.
 */
final class RejectedRequestProblems {

    /** Why a request is refused before the application: said without echoing any of it. */
    static final String REJECTED_DETAIL = "The request was refused before it reached the application: its address "
            + "(URL), query string or headers are malformed, too long, or contain characters or sequences that are "
            + "not allowed (such as an encoded slash, '..', ';', '//', a backslash or a control character).";
    static final String REJECTED_DETAIL_TH = "คำขอถูกปฏิเสธก่อนถึงระบบงาน เนื่องจากที่อยู่ (URL) พารามิเตอร์ หรือส่วนหัวของคำขอ"
            + "มีรูปแบบไม่ถูกต้อง ยาวเกินกำหนด หรือมีอักขระที่ไม่อนุญาต (เช่น เครื่องหมายทับที่เข้ารหัส '..' ';' '//' "
            + "เครื่องหมายทับกลับ หรืออักขระควบคุม)";

    private RejectedRequestProblems() {
    }

    /** The problem for a bare status (a {@code sendError} without a problem behind it). */
    static Map<String, Object> forStatus(int status) {
        ProblemType type = ProblemType.forStatus(HttpStatusCode.valueOf(status));
        if (type == ProblemType.BAD_REQUEST) {
            return type.toBody(REJECTED_DETAIL, REJECTED_DETAIL_TH);
        }
        if (type == ProblemType.INTERNAL) {
            return type.toBody("Something went wrong on our side. Please try again later.",
                    "เกิดข้อผิดพลาดในระบบ กรุณาลองใหม่ภายหลัง");
        }
        if (type == ProblemType.UNAVAILABLE) {
            return type.toBody("A service this request needs is not reachable at the moment. Please try again shortly.",
                    "ระบบที่ใช้ดำเนินการตามคำขอนี้ไม่พร้อมใช้งานชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่");
        }
        return type.toBody(type.title(), type.titleTh());
    }

    /** A problem an exception carries itself (a {@link ProblemException} thrown by a filter), typed if it is not. */
    static Map<String, Object> of(ErrorResponse error) {
        ProblemDetail problem = error.getBody();
        int status = problem.getStatus() > 0 ? problem.getStatus() : error.getStatusCode().value();
        Map<String, Object> body = forStatus(status);
        if (problem.getType() != null && problem.getType().toString().startsWith(ProblemType.URN_PREFIX)) {
            body.put("type", problem.getType().toString());
            if (problem.getTitle() != null) {
                body.put("title", problem.getTitle());
            }
            if (problem.getDetail() != null) {
                body.put("detail", problem.getDetail());
                body.remove(ProblemType.DETAIL_TH);
            }
            if (problem.getProperties() != null) {
                body.putAll(problem.getProperties());
            }
        }
        return body;
    }

    /** Headers for an answer no other filter decorates: not cached, not sniffed into HTML. */
    static void decorate(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
    }

    static void write(HttpServletResponse response, Map<String, Object> body, JsonMapper json) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus((Integer) body.get("status"));
        decorate(response);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
