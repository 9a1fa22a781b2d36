package th.integrity.complaints.attachments;

import java.text.NumberFormat;
import java.util.Locale;

import th.integrity.platform.web.ProblemType;

/**
 * A file that could be read but is refused for what it is, with the reason in English and Thai; the inspector
 * names the file ({@code files[i]}) in the problem it answers.
 */
final class AttachmentRefusal extends Exception {

    private final ProblemType type;
    private final String messageTh;

    private AttachmentRefusal(ProblemType type, String message, String messageTh) {
        super(message, null, false, false);
        this.type = type;
        this.messageTh = messageTh;
    }

    ProblemType type() {
        return type;
    }

    String messageTh() {
        return messageTh;
    }

    /** A declared size a viewer would have to allocate for before showing anything (a decompression bomb). */
    static AttachmentRefusal tooManyPixels(long width, long height, long maxPixels) {
        String limit = NumberFormat.getIntegerInstance(Locale.ROOT).format(maxPixels);
        return new AttachmentRefusal(AttachmentProblems.TOO_LARGE,
                "is an image of " + width + " × " + height + " pixels; at most " + limit + " pixels are accepted",
                "เป็นภาพขนาด " + width + " × " + height + " พิกเซล ซึ่งเกินกำหนด (ไม่เกิน " + limit + " พิกเซล)");
    }

    static AttachmentRefusal embeddedFiles() {
        return new AttachmentRefusal(AttachmentProblems.UNSUPPORTED,
                "is a PDF with files embedded in it; attach those files separately instead",
                "เป็นไฟล์ PDF ที่มีไฟล์อื่นฝังอยู่ภายใน กรุณาแนบไฟล์เหล่านั้นแยกต่างหาก");
    }

    static AttachmentRefusal passwordProtected() {
        return new AttachmentRefusal(AttachmentProblems.UNSUPPORTED,
                "is a PDF protected by a password; attach it without the password",
                "เป็นไฟล์ PDF ที่ตั้งรหัสผ่านไว้ กรุณาแนบไฟล์ที่ไม่มีรหัสผ่าน");
    }
}
