package th.integrity.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The problems the gateway itself answers with (RFC 9457), each with a stable type and its text in English
 * and Thai. Answers from the services pass through untouched; these cover only what happens at the door.
 */
public enum GatewayProblem {

    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found",
            "Not Found", "ไม่พบสิ่งที่ร้องขอ",
            "Nothing is served at this address.", "ไม่มีบริการหรือข้อมูลที่ที่อยู่นี้"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
            "Method Not Allowed", "ไม่รองรับวิธีการร้องขอนี้",
            "This address does not accept this HTTP method.", "ที่อยู่นี้ไม่รองรับวิธีการร้องขอ (HTTP method) นี้"),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request",
            "Bad Request", "คำขอไม่ถูกต้อง",
            "The request could not be understood.", "ไม่สามารถประมวลผลคำขอนี้ได้"),
    /** Refused before routing: by Spring Security's firewall, or as a request target Java cannot parse as a URI. */
    REQUEST_REJECTED(HttpStatus.BAD_REQUEST, "bad-request",
            "Bad Request", "คำขอไม่ถูกต้อง",
            "The request was refused before it reached any service: its address (URL), method or headers are "
                    + "malformed or contain characters or sequences that are not allowed (such as an encoded slash, "
                    + "'..', ';', '//', a backslash, a space or a control character).",
            "คำขอถูกปฏิเสธก่อนส่งต่อไปยังบริการ เนื่องจากที่อยู่ (URL) วิธีการร้องขอ หรือส่วนหัวของคำขอมีรูปแบบไม่ถูกต้อง "
                    + "หรือมีอักขระที่ไม่อนุญาต (เช่น เครื่องหมายทับที่เข้ารหัส '..' ';' '//' เครื่องหมายทับกลับ ช่องว่าง หรืออักขระควบคุม)"),
    /** A WebSocket or other protocol upgrade: refused before routing (routing/NoProtocolUpgrade). */
    UPGRADE_REFUSED(HttpStatus.BAD_REQUEST, "protocol-upgrade-refused",
            "Protocol Upgrade Not Supported", "ไม่รองรับการเปลี่ยนโปรโตคอล",
            "The gateway answers plain HTTP requests only: WebSocket and other protocol upgrades (the Upgrade header) "
                    + "are refused. Send the request again without the Upgrade header.",
            "ระบบรับเฉพาะคำขอ HTTP ปกติ ไม่รองรับ WebSocket หรือการเปลี่ยนโปรโตคอลอื่น (ส่วนหัว Upgrade) "
                    + "กรุณาส่งคำขอใหม่โดยไม่มีส่วนหัว Upgrade"),
    /** The body's framing is not one plain Content-Length or one plain "Transfer-Encoding: chunked". */
    AMBIGUOUS_FRAMING(HttpStatus.BAD_REQUEST, "bad-request",
            "Bad Request", "คำขอไม่ถูกต้อง",
            "The request was refused before it reached any service: the length of its body is not stated in one "
                    + "plain way (exactly one Content-Length, or Transfer-Encoding: chunked alone).",
            "คำขอถูกปฏิเสธก่อนส่งต่อไปยังบริการ เนื่องจากไม่ได้ระบุความยาวของข้อมูลที่ส่งมาในรูปแบบเดียวที่ชัดเจน "
                    + "(Content-Length เพียงค่าเดียว หรือ Transfer-Encoding: chunked เท่านั้น)"),
    /** A chunked body that stopped decoding part-way (bad chunk size or extension); the connection is closed. */
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "bad-request",
            "Bad Request", "คำขอไม่ถูกต้อง",
            "The request body is malformed (its chunked encoding could not be read). The request was not carried "
                    + "out and the connection is closed.",
            "ข้อมูลที่ส่งมามีรูปแบบไม่ถูกต้อง (อ่านการแบ่งส่งข้อมูลแบบ chunked ไม่ได้) คำขอนี้ไม่ได้รับการดำเนินการ "
                    + "และการเชื่อมต่อถูกปิด"),
    /** Reactor Netty's decoder: a request line (address with its query string) beyond its limit. */
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long",
            "URI Too Long", "ที่อยู่ (URL) ยาวเกินกำหนด",
            "The request line (the address with its query string) is longer than the gateway accepts.",
            "บรรทัดคำขอ (ที่อยู่รวมพารามิเตอร์) ยาวเกินกว่าที่ระบบรับได้"),
    /** Reactor Netty's decoder: headers beyond their limit. */
    HEADER_FIELDS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request-header-fields-too-large",
            "Request Header Fields Too Large", "ส่วนหัวของคำขอมีขนาดใหญ่เกินกำหนด",
            "The request's headers (cookies included) are larger than the gateway accepts.",
            "ส่วนหัวของคำขอ (รวมคุกกี้) มีขนาดใหญ่เกินกว่าที่ระบบรับได้"),
    SIGN_IN_REQUIRED(HttpStatus.UNAUTHORIZED, "sign-in-required",
            "Sign-in Required", "กรุณาเข้าสู่ระบบ",
            "Your sign-in has ended or can no longer be renewed. Please sign in again.",
            "การเข้าสู่ระบบของท่านสิ้นสุดแล้วหรือไม่สามารถต่ออายุได้ กรุณาเข้าสู่ระบบใหม่"),
    /** An API client's bearer token that is not an access token for this API; the same type the services use. */
    TOKEN_REFUSED(HttpStatus.UNAUTHORIZED, "unauthenticated",
            "Sign-in required", "ต้องเข้าสู่ระบบ",
            "The access token is missing, invalid or expired, or it is not an access token for this API "
                    + "(an ID token, or a token issued for another audience).",
            "โทเค็นไม่ถูกต้อง หมดอายุ หรือไม่ใช่โทเค็นสำหรับเรียกใช้ระบบนี้ (เช่น ID token หรือโทเค็นที่ออกให้ผู้รับรายอื่น) "
                    + "กรุณาเข้าสู่ระบบใหม่"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden",
            "Forbidden", "ไม่มีสิทธิ์ดำเนินการ",
            "You may not do this.", "ท่านไม่มีสิทธิ์ดำเนินการนี้"),
    CSRF_TOKEN_MISSING(HttpStatus.FORBIDDEN, "csrf-token-missing",
            "Forbidden", "ไม่มีสิทธิ์ดำเนินการ",
            "This request came with your sign-in session but without the matching anti-forgery token "
                    + "(X-XSRF-TOKEN header, copied from the XSRF-TOKEN cookie). Reload the page and try again.",
            "คำขอนี้ส่งมาพร้อมเซสชันการเข้าสู่ระบบ แต่ไม่มีรหัสป้องกันการปลอมแปลงคำขอ (X-XSRF-TOKEN) ที่ตรงกัน "
                    + "กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
            "Content Too Large", "ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด",
            "The request body is larger than this address accepts (see maxBytes).",
            "ข้อมูลที่ส่งมีขนาดใหญ่เกินกว่าที่ที่อยู่นี้รับได้ (ดู maxBytes)"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
            "Too Many Requests", "ส่งคำขอถี่เกินไป",
            "Too many requests from this client. Wait for the time given in Retry-After, then try again.",
            "มีการส่งคำขอจากเครื่องนี้ถี่เกินไป กรุณารอตามเวลาที่ระบุใน Retry-After แล้วลองใหม่"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
            "Service Unavailable", "บริการไม่พร้อมใช้งานชั่วคราว",
            "The service behind this address cannot be reached right now. Please try again shortly.",
            "ขณะนี้ไม่สามารถติดต่อบริการได้ กรุณาลองใหม่อีกครั้งในอีกสักครู่"),
    SIGN_IN_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "sign-in-unavailable",
            "Sign-in Unavailable", "ระบบยืนยันตัวตนไม่พร้อมใช้งานชั่วคราว",
            "The sign-in provider cannot be reached right now. Public services still work; try signing in again shortly.",
            "ขณะนี้ไม่สามารถติดต่อระบบยืนยันตัวตนได้ บริการสาธารณะยังใช้งานได้ตามปกติ กรุณาลองเข้าสู่ระบบใหม่อีกครั้งในอีกสักครู่"),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout",
            "Gateway Timeout", "บริการตอบกลับช้าเกินกำหนด",
            "The service did not answer in time. It may still have carried out the request: check before sending it again.",
            "บริการไม่ตอบกลับภายในเวลาที่กำหนด คำขออาจได้รับการดำเนินการแล้ว กรุณาตรวจสอบก่อนส่งซ้ำ"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
            "Internal Server Error", "เกิดข้อผิดพลาดภายในระบบ",
            "Something went wrong at the gateway. Please try again later.",
            "เกิดข้อผิดพลาดที่ระบบ กรุณาลองใหม่ภายหลัง");

    /** Stable identifiers: clients and the services' own problem types share this prefix. */
    static final String TYPE_PREFIX = "urn:integrity:problem:";

    final HttpStatus status;
    final String type;
    final String title;
    final String titleTh;
    final String detail;
    final String detailTh;

    GatewayProblem(HttpStatus status, String slug, String title, String titleTh, String detail, String detailTh) {
        this.status = status;
        this.type = TYPE_PREFIX + slug;
        this.title = title;
        this.titleTh = titleTh;
        this.detail = detail;
        this.detailTh = detailTh;
    }

    /** The closest problem for a status the gateway was handed by the framework: the first listed with it. */
    static GatewayProblem forStatus(HttpStatusCode status) {
        for (GatewayProblem problem : values()) {
            if (problem.status.value() == status.value()) {
                return problem;
            }
        }
        return status.is4xxClientError() ? BAD_REQUEST : INTERNAL_ERROR;
    }
}
