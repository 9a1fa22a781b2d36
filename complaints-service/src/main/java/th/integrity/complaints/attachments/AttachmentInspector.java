package th.integrity.complaints.attachments;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.complaints.ComplaintsProperties;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * Checks every attached file before anything is stored: how many, how large, and what they are by their bytes
 * (Apache Tika's magic detection; the name and the declared content type are not trusted). A name whose
 * extension says one accepted type while the bytes are another is refused too. Each accepted file is then
 * rewritten without what can identify its sender ({@link JpegCleaner}, {@link PngCleaner}, {@link PdfCleaner});
 * an image whose declared size is over the pixel limit is refused before anything decodes it. GIF, WebP, HEIC
 * and every other type are refused.
 */
@Component
public class AttachmentInspector {

    static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png",
            "application/pdf", "pdf");
    private static final Map<String, String> NAMED = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg",
            "jpe", "image/jpeg", "png", "image/png", "pdf", "application/pdf");

    private final Tika tika = new Tika();
    private final ComplaintsProperties.Attachments limits;
    private final PdfCleaner pdf;

    public AttachmentInspector(ComplaintsProperties properties) {
        this.limits = properties.attachments();
        this.pdf = new PdfCleaner(limits.maxFileSize().toBytes());
    }

    /** @throws ProblemException 400 (count, empty), 413 (size) or 415 (type) naming each offending file */
    public List<CleanFile> inspect(List<MultipartFile> files) {
        List<MultipartFile> given = files == null ? List.of() : files;
        if (given.size() > limits.maxFiles()) {
            throw ProblemException.invalid(
                    ComplaintsProblems.field("files", "files.too-many", limits.maxFiles(), given.size()));
        }
        List<FieldProblem> empty = new ArrayList<>();
        List<FieldProblem> large = new ArrayList<>();
        List<FieldProblem> wrong = new ArrayList<>();
        List<CleanFile> clean = new ArrayList<>();
        long max = limits.maxFileSize().toBytes();
        for (int i = 0; i < given.size(); i++) {
            MultipartFile file = given.get(i);
            String field = "files[" + i + "]";
            if (file.isEmpty()) {
                empty.add(ComplaintsProblems.field(field, "file.empty"));
                continue;
            }
            if (file.getSize() > max) {
                large.add(ComplaintsProblems.field(field, "file.too-large", limits.maxFileSize().toMegabytes()));
                continue;
            }
            byte[] bytes;
            try {
                bytes = file.getBytes();
            } catch (IOException e) {
                throw new IllegalStateException("could not read an uploaded file", e);
            }
            String detected = tika.detect(bytes);
            String extension = EXTENSIONS.get(detected);
            String claimed = claimedType(file.getOriginalFilename());
            if (extension == null || (claimed != null && !claimed.equals(detected))) {
                wrong.add(ComplaintsProblems.field(field,
                        claimed != null && extension != null ? "file.type.misnamed" : "file.type"));
                continue;
            }
            try {
                clean.add(new CleanFile(detected, extension, clean(detected, bytes)));
            } catch (AttachmentRefusal refusal) {
                FieldProblem problem = ComplaintsProblems.field(field, refusal.key(), refusal.args());
                (refusal.type() == ComplaintsProblems.ATTACHMENT_TOO_LARGE ? large : wrong).add(problem);
            } catch (IOException | RuntimeException unreadable) {
                wrong.add(ComplaintsProblems.field(field, "file.unreadable", extension.toUpperCase(Locale.ROOT)));
            }
        }
        if (!empty.isEmpty()) {
            throw ComplaintsProblems.files(ProblemType.VALIDATION, empty);
        }
        if (!large.isEmpty()) {
            throw ComplaintsProblems.files(ComplaintsProblems.ATTACHMENT_TOO_LARGE, large);
        }
        if (!wrong.isEmpty()) {
            throw ComplaintsProblems.files(ComplaintsProblems.UNSUPPORTED_ATTACHMENT, wrong);
        }
        return clean;
    }

    /** The type a file name's extension claims, if it is one of the accepted ones; "other" for anything else. */
    private static String claimedType(String name) {
        if (name == null || name.lastIndexOf('.') < 0) {
            return null;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return NAMED.getOrDefault(extension, "other/" + extension);
    }

    private byte[] clean(String contentType, byte[] bytes) throws IOException, AttachmentRefusal {
        return switch (contentType) {
            case "image/jpeg" -> JpegCleaner.clean(bytes, limits.maxImagePixels());
            case "image/png" -> PngCleaner.clean(bytes, limits.maxImagePixels());
            case "application/pdf" -> pdf.clean(bytes);
            default -> throw new IllegalStateException("no cleaner for " + contentType);
        };
    }
}
