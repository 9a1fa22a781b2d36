package th.integrity.complaints.attachments;

import java.text.NumberFormat;
import java.util.Locale;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.platform.text.Texts;
import th.integrity.platform.web.ProblemType;

/**
 * A file that could be read but is refused for what it is: the problem type and the bundle key of the reason
 * ({@code complaints.field.<key>}); the inspector names the file ({@code files[i]}) in the problem it answers.
 */
final class AttachmentRefusal extends Exception {

    private final ProblemType type;
    private final String key;
    private final transient Object[] args;

    private AttachmentRefusal(ProblemType type, String key, Object... args) {
        // The English reason as the message, for logs and for whoever catches it outside the inspector.
        super(Texts.in(Locale.ENGLISH, ComplaintsProblems.FIELD_PREFIX + key, args), null, false, false);
        this.type = type;
        this.key = key;
        this.args = args;
    }

    ProblemType type() {
        return type;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }

    /** A declared size a viewer would have to allocate for before showing anything (a decompression bomb). */
    static AttachmentRefusal tooManyPixels(long width, long height, long maxPixels) {
        String limit = NumberFormat.getIntegerInstance(Locale.ROOT).format(maxPixels);
        return new AttachmentRefusal(ComplaintsProblems.ATTACHMENT_TOO_LARGE, "file.pixels", width, height, limit);
    }

    static AttachmentRefusal embeddedFiles() {
        return new AttachmentRefusal(ComplaintsProblems.UNSUPPORTED_ATTACHMENT, "file.embedded-files");
    }

    static AttachmentRefusal passwordProtected() {
        return new AttachmentRefusal(ComplaintsProblems.UNSUPPORTED_ATTACHMENT, "file.password");
    }
}
