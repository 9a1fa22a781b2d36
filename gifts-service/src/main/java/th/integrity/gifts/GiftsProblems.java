package th.integrity.gifts;

import org.springframework.http.HttpStatus;

import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/** The problem types of gifts-service; clients branch on their {@code type}, never on the wording. */
public final class GiftsProblems {

    public static final ProblemType ALREADY_DECIDED = new ProblemType("gift-already-decided", HttpStatus.CONFLICT,
            "The declaration has already been decided", "คำขอนี้ได้รับการวินิจฉัยแล้ว");
    public static final ProblemType NO_DECISION_NEEDED = new ProblemType("gift-no-decision-needed",
            HttpStatus.CONFLICT, "The declaration needs no decision", "รายการนี้ไม่ต้องให้ผู้บังคับบัญชาวินิจฉัย");
    public static final ProblemType SUPERSEDED = new ProblemType("gift-superseded", HttpStatus.CONFLICT,
            "The declaration has been corrected by a newer version", "รายการนี้ถูกแก้ไขด้วยฉบับใหม่แล้ว");
    public static final ProblemType NIL_RETURN_CONFLICT = new ProblemType("gift-nil-return-conflict",
            HttpStatus.CONFLICT, "A nil return cannot be filed for this round",
            "ไม่สามารถรายงานว่าไม่มีการรับของขวัญในรอบนี้ได้");
    public static final ProblemType NOT_DECLARANT = new ProblemType("gift-not-declarant", HttpStatus.FORBIDDEN,
            "Only the declarant may do this", "เฉพาะผู้ยื่นรายการเท่านั้นที่ทำได้");
    public static final ProblemType OWN_DECLARATION = new ProblemType("gift-own-declaration", HttpStatus.FORBIDDEN,
            "No one decides on their own declaration", "ผู้บังคับบัญชาวินิจฉัยรายการของตนเองไม่ได้");
    public static final ProblemType NO_AGENCY = new ProblemType("no-agency", HttpStatus.FORBIDDEN,
            "Your sign-in names no agency", "บัญชีผู้ใช้ไม่ได้ระบุหน่วยงาน");

    private GiftsProblems() {
    }

    /**
     * Every record here is scoped by the caller's agency, so a caller (as the controller was given it) whose token
     * names none is refused before anything is read or written.
     */
    public static void requireAgency(CurrentUser user) {
        if (user.agency() == null || user.agency().isBlank()) {
            throw new ProblemException(NO_AGENCY, "Your token carries no agency code.", "โทเค็นของท่านไม่มีรหัสหน่วยงาน");
        }
    }

    /** The same 404 as {@link CurrentUser#inAgency}: another agency's record is not even confirmed to exist. */
    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "Nothing was found here for your agency.",
                "ไม่พบข้อมูลนี้ในหน่วยงานของท่าน");
    }
}
