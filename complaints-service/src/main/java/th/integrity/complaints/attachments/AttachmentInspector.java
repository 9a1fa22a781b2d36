package th.integrity.complaints.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import th.integrity.complaints.ComplaintsProperties;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * Checks every attached file before anything is stored: how many, how large, and what they are by their bytes
 * (Apache Tika's magic detection; the name and the declared content type are not trusted). A name whose
 * extension says one accepted type while the bytes are another is refused too. Images lose their metadata:
 * EXIF (with GPS position, camera serial), XMP and IPTC from JPEG; text, time and eXIf chunks from PNG.
 */
@Component
public class AttachmentInspector {

    static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png",
            "application/pdf", "pdf");
    private static final Map<String, String> NAMED = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg",
            "jpe", "image/jpeg", "png", "image/png", "pdf", "application/pdf");
    /** PNG ancillary chunks that can carry text, a time or EXIF. */
    private static final Set<String> PNG_DROPPED = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");
    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

    private final Tika tika = new Tika();
    private final ComplaintsProperties.Attachments limits;

    public AttachmentInspector(ComplaintsProperties properties) {
        this.limits = properties.attachments();
    }

    /** @throws ProblemException 400 (count, empty), 413 (size) or 415 (type) naming each offending file */
    public List<CleanFile> inspect(List<MultipartFile> files) {
        List<MultipartFile> given = files == null ? List.of() : files;
        if (given.size() > limits.maxFiles()) {
            throw new ProblemException(ProblemType.VALIDATION, "Check these fields: files.",
                    "กรุณาตรวจสอบข้อมูลต่อไปนี้: files", List.of(new FieldProblem("files",
                            "at most " + limits.maxFiles() + " files may be attached, not " + given.size(),
                            "แนบไฟล์ได้ไม่เกิน " + limits.maxFiles() + " ไฟล์ (ส่งมา " + given.size() + " ไฟล์)")));
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
                empty.add(new FieldProblem(field, "is empty", "เป็นไฟล์ว่าง"));
                continue;
            }
            if (file.getSize() > max) {
                large.add(new FieldProblem(field, "is larger than " + limits.maxFileSize().toMegabytes() + " MB",
                        "มีขนาดเกิน " + limits.maxFileSize().toMegabytes() + " MB"));
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
                wrong.add(new FieldProblem(field,
                        "must be a JPEG, PNG or PDF file, judged by its contents"
                                + (claimed != null && extension != null ? " (its name says otherwise)" : ""),
                        "ต้องเป็นไฟล์ JPEG, PNG หรือ PDF โดยพิจารณาจากเนื้อหาของไฟล์"
                                + (claimed != null && extension != null ? " (ชื่อไฟล์ไม่ตรงกับเนื้อหา)" : "")));
                continue;
            }
            try {
                clean.add(new CleanFile(detected, extension, strip(detected, bytes)));
            } catch (IOException | RuntimeException unreadable) {
                wrong.add(new FieldProblem(field, "could not be read as a " + extension.toUpperCase(Locale.ROOT) + " file",
                        "ไม่สามารถอ่านเป็นไฟล์ " + extension.toUpperCase(Locale.ROOT) + " ได้"));
            }
        }
        if (!empty.isEmpty()) {
            throw problem(ProblemType.VALIDATION, empty);
        }
        if (!large.isEmpty()) {
            throw problem(AttachmentProblems.TOO_LARGE, large);
        }
        if (!wrong.isEmpty()) {
            throw problem(AttachmentProblems.UNSUPPORTED, wrong);
        }
        return clean;
    }

    private static ProblemException problem(ProblemType type, List<FieldProblem> errors) {
        String fields = String.join(", ", errors.stream().map(FieldProblem::field).toList());
        return new ProblemException(type, "Check these files: " + fields + ".", "กรุณาตรวจสอบไฟล์ต่อไปนี้: " + fields,
                errors);
    }

    /** The type a file name's extension claims, if it is one of the accepted ones; "other" for anything else. */
    private static String claimedType(String name) {
        if (name == null || name.lastIndexOf('.') < 0) {
            return null;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return NAMED.getOrDefault(extension, "other/" + extension);
    }

    static byte[] strip(String contentType, byte[] bytes) throws IOException {
        return switch (contentType) {
            case "image/jpeg" -> stripJpeg(bytes);
            case "image/png" -> stripPng(bytes);
            default -> bytes; // PDF: stored as sent (see docs/complaints.md)
        };
    }

    static byte[] stripJpeg(byte[] bytes) throws IOException {
        try {
            ByteArrayOutputStream noExif = new ByteArrayOutputStream(bytes.length);
            new ExifRewriter().removeExifMetadata(bytes, noExif);
            ByteArrayOutputStream noXmp = new ByteArrayOutputStream(bytes.length);
            new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
            ByteArrayOutputStream noIptc = new ByteArrayOutputStream(bytes.length);
            new JpegIptcRewriter().removeIptc(noXmp.toByteArray(), noIptc);
            return noIptc.toByteArray();
        } catch (ImagingException e) {
            throw new IOException("not a readable JPEG", e);
        }
    }

    /** Copies the PNG chunk by chunk, leaving out those that can carry text, a time or EXIF. */
    static byte[] stripPng(byte[] bytes) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] signature = new byte[PNG_SIGNATURE.length];
        if (bytes.length < signature.length) {
            throw new IOException("not a PNG");
        }
        in.get(signature);
        if (!java.util.Arrays.equals(signature, PNG_SIGNATURE)) {
            throw new IOException("not a PNG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(PNG_SIGNATURE);
        boolean ended = false;
        while (!ended) {
            if (in.remaining() < 12) {
                throw new IOException("truncated PNG");
            }
            int start = in.position();
            int length = in.getInt();
            if (length < 0 || in.remaining() < length + 8) {
                throw new IOException("truncated PNG chunk");
            }
            byte[] type = new byte[4];
            in.get(type);
            String name = new String(type, StandardCharsets.US_ASCII);
            in.position(in.position() + length + 4); // data and CRC
            if (!PNG_DROPPED.contains(name)) {
                out.write(bytes, start, 12 + length);
            }
            ended = name.equals("IEND");
        }
        return out.toByteArray();
    }
}
