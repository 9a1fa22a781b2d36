package th.integrity.complaints.attachments;

import org.springframework.http.HttpStatus;

import th.integrity.platform.web.ProblemType;

/** Problem types of attachments. */
public final class AttachmentProblems {

    public static final ProblemType UNSUPPORTED = new ProblemType("unsupported-attachment",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "An attached file is not of an accepted type",
            "ไฟล์แนบไม่ใช่ชนิดที่รับได้");
    public static final ProblemType TOO_LARGE = new ProblemType("attachment-too-large", HttpStatus.CONTENT_TOO_LARGE,
            "An attached file is too large", "ไฟล์แนบมีขนาดใหญ่เกินกำหนด");

    private AttachmentProblems() {
    }
}
