package th.integrity.complaints.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.integrity.complaints.attachments.HostileFiles.MARK;
import static th.integrity.complaints.attachments.HostileFiles.ascii;
import static th.integrity.complaints.attachments.HostileFiles.concat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.junit.jupiter.api.Test;

/**
 * The cleaners keep an allowlist, so the property is shown for every kind of segment and chunk, known or
 * invented, wherever it sits in the file: nothing outside the list survives and the pixels are untouched.
 */
class CleanersTest {

    private static final long LIMIT = 40_000_000;

    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodes").isNotNull();
        return image;
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
                    assertThat(actual.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
                }
            }
        }
    }

    private static int indexOf(byte[] bytes, int marker) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }

    private static byte[] insertAt(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    @Test
    void noJpegSegmentOutsideTheAllowlistSurvivesWhereverItSitsAndThePixelsAreUntouched() throws Exception {
        byte[] plain = HostileFiles.plainJpeg(48, 32);
        BufferedImage expected = decode(plain);
        List<Integer> markers = new ArrayList<>();
        for (int m = 0xE0; m <= 0xEF; m++) {
            markers.add(m); // APP0–APP15
        }
        for (int m = 0xF0; m <= 0xFD; m++) {
            markers.add(m); // JPG extensions
        }
        markers.addAll(List.of(0xFE, 0xC8, 0xDC, 0xDE, 0xDF, 0x02, 0x4F, 0xBF)); // COM, JPG, DNL, DHP, EXP, reserved
        int[] places = { 2, indexOf(plain, 0xDB), indexOf(plain, 0xC0), indexOf(plain, 0xDA), plain.length };
        for (int marker : markers) {
            for (int place : places) {
                String tag = MARK + HexFormat.of().toHexDigits((byte) marker) + "@" + place;
                byte[] hostile = insertAt(plain, place, HostileFiles.segment(marker, ascii(tag)));
                assertThat(new String(hostile, StandardCharsets.ISO_8859_1)).contains(tag);

                byte[] clean = JpegCleaner.clean(hostile, LIMIT);

                assertThat(new String(clean, StandardCharsets.ISO_8859_1)).as(tag).doesNotContain(MARK);
                assertSamePixels(decode(clean), expected);
            }
        }
    }

    @Test
    void straysFillBytesAndTrailersBetweenAndAfterJpegSegmentsAreDropped() throws Exception {
        byte[] plain = HostileFiles.plainJpeg(48, 32);
        byte[] hostile = insertAt(plain, indexOf(plain, 0xDB), ascii(MARK + "STRAY"));
        hostile = insertAt(hostile, indexOf(hostile, 0xC0), new byte[] { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF });
        hostile = concat(hostile, plain, ascii(MARK + "SECOND-IMAGE-AND-MORE")); // a second JPEG after EOI

        byte[] clean = JpegCleaner.clean(hostile, LIMIT);

        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain(MARK);
        assertThat(clean.length).isLessThanOrEqualTo(plain.length);
        assertSamePixels(decode(clean), decode(plain));
    }

    @Test
    void aJfifThumbnailAndAnAdobeSegmentAreWrittenBackAsConstantsWithTheirColourFactsOnly() throws Exception {
        byte[] plain = HostileFiles.plainJpeg(48, 32);
        byte[] jfifWithThumbnail = HostileFiles.segment(0xE0, concat(ascii("JFIF\0"),
                new byte[] { 1, 2, 1, 0, 72, 0, 72, 1, 1 }, ascii(MARK + "T")));
        byte[] adobe = HostileFiles.segment(0xEE, concat(ascii("Adobe"), new byte[] { 0, 100, 0, 0, 0, 0, 1 },
                ascii(MARK + "ADOBE")));
        int afterOwnJfif = 2 + 18;

        byte[] clean = JpegCleaner.clean(insertAt(plain, afterOwnJfif, concat(jfifWithThumbnail, adobe)), LIMIT);

        String text = new String(clean, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain(MARK).contains("JFIF").contains("Adobe");
        assertSamePixels(decode(clean), decode(plain));
    }

    @Test
    void aProgressiveJpegKeepsEveryScanAndTable() throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(HostileFiles.picture(80, 60), null, null), param);
        }
        writer.dispose();
        byte[] progressive = HostileFiles.afterSoi(out.toByteArray(), HostileFiles.segment(0xFE, ascii(MARK)));

        byte[] clean = JpegCleaner.clean(progressive, LIMIT);

        assertThat(new String(clean, StandardCharsets.ISO_8859_1)).doesNotContain(MARK);
        assertSamePixels(decode(clean), decode(out.toByteArray()));
    }

    @Test
    void noPngChunkOutsideTheAllowlistSurvivesWhateverItsNameAndPlace() throws Exception {
        byte[] plain = HostileFiles.plainPng(24, 16);
        BufferedImage expected = decode(plain);
        int iend = plain.length - 12;
        Random random = new Random(20261203);
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < 300; i++) {
            StringBuilder name = new StringBuilder();
            for (int c = 0; c < 4; c++) {
                name.append(letters.charAt(random.nextInt(letters.length())));
            }
            name.setCharAt(0, Character.toLowerCase(name.charAt(0))); // ancillary: a decoder may skip it
            String tag = MARK + name + "#" + i;
            byte[] chunk = HostileFiles.chunk(name.toString(), ascii(tag));
            int place = switch (i % 3) {
                case 0 -> 33;
                case 1 -> iend;
                default -> plain.length;
            };
            byte[] hostile = insertAt(plain, place, chunk);
            if (name.toString().matches("tRNS|gAMA|cHRM|sRGB|sBIT")) {
                continue;
            }

            byte[] clean = PngCleaner.clean(hostile, LIMIT);

            assertThat(new String(clean, StandardCharsets.ISO_8859_1)).as(tag).doesNotContain(MARK);
            assertThat(HostileFiles.chunkTypes(clean)).containsExactly("IHDR", "IDAT", "IEND");
            assertSamePixels(decode(clean), expected);
        }
    }

    @Test
    void aPngCleanedKeepsItsColourChunksWithFreshChecksums() throws Exception {
        byte[] plain = HostileFiles.plainPng(8, 8);
        byte[] gama = HostileFiles.chunk("gAMA", new byte[] { 0, 0, (byte) 0xB1, (byte) 0x8F });
        gama[gama.length - 1] ^= 0x5A; // a checksum carrying something else
        byte[] clean = PngCleaner.clean(HostileFiles.afterIhdr(plain, gama), LIMIT);

        assertThat(HostileFiles.chunkTypes(clean)).containsExactly("IHDR", "gAMA", "IDAT", "IEND");
        assertThat(new String(clean, StandardCharsets.ISO_8859_1))
                .contains(new String(HostileFiles.chunk("gAMA", new byte[] { 0, 0, (byte) 0xB1, (byte) 0x8F }),
                        StandardCharsets.ISO_8859_1));
    }

    @Test
    void theDeclaredSizeDecidesBeforeAnyDecodingAtExactlyTheLimit() {
        assertThatThrownBy(() -> PngCleaner.clean(HostileFiles.pngHeaderOnly(8000, 5001), LIMIT))
                .isInstanceOf(AttachmentRefusal.class).hasMessageContaining("8000 × 5001");
        assertThatThrownBy(() -> PngCleaner.clean(HostileFiles.pngHeaderOnly(8000, 5000), LIMIT))
                .as("at the limit: judged further, here for lacking pixels").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PngCleaner.clean(HostileFiles.pngHeaderOnly(0x80000000L, 0x80000000L), LIMIT))
                .isInstanceOf(AttachmentRefusal.class);
        assertThatThrownBy(() -> JpegCleaner.clean(HostileFiles.jpegHeaderOnly(65535, 65535), LIMIT))
                .isInstanceOf(AttachmentRefusal.class).hasMessageContaining("65535 × 65535");
        assertThatThrownBy(() -> JpegCleaner.clean(HostileFiles.jpegHeaderOnly(8000, 5000), LIMIT))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JpegCleaner.clean(HostileFiles.jpegHeaderOnly(0, 5000), LIMIT))
                .as("height or width 0 (size announced later, in DNL): unknown size").isInstanceOf(IOException.class);
    }

    private static byte[] pdfWith(PdfChange change) throws Exception {
        try (PDDocument document = Loader.loadPDF(HostileFiles.pdf(1))) {
            change.apply(document);
            return HostileFiles.save(document, CompressParameters.NO_COMPRESSION);
        }
    }

    private interface PdfChange {
        void apply(PDDocument document) throws Exception;
    }

    static byte[] pdfWithEmbeddedFile() throws Exception {
        return pdfWith(document -> {
            PDComplexFileSpecification file = new PDComplexFileSpecification();
            file.setFile("evidence.docx");
            file.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream(ascii(MARK + "EMBEDDED"))));
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("evidence.docx", file));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
        });
    }

    @Test
    void aPdfWithEmbeddedFilesOrAFileAttachmentCommentIsRefused() throws Exception {
        PdfCleaner cleaner = new PdfCleaner(10_000_000);
        byte[] annotated = pdfWith(document -> {
            var attachment = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment();
            attachment.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(10, 10, 20, 20));
            PDComplexFileSpecification file = new PDComplexFileSpecification();
            file.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream(ascii("x"))));
            attachment.setFile(file);
            document.getPage(0).getAnnotations().add(attachment);
        });

        for (byte[] pdf : List.of(pdfWithEmbeddedFile(), annotated)) {
            assertThatThrownBy(() -> cleaner.clean(pdf)).isInstanceOf(AttachmentRefusal.class)
                    .hasMessageContaining("embedded");
        }
    }

    @Test
    void aPasswordProtectedPdfIsRefusedAndOwnerRestrictionsAreRemoved() throws Exception {
        PdfCleaner cleaner = new PdfCleaner(10_000_000);
        byte[] locked = pdfWith(document -> document.protect(new StandardProtectionPolicy("owner", "user",
                new AccessPermission())));
        byte[] restricted = pdfWith(document -> {
            document.getDocumentInformation().setAuthor(MARK + "AUTHOR");
            document.protect(new StandardProtectionPolicy("owner", "", new AccessPermission()));
        });

        assertThatThrownBy(() -> cleaner.clean(locked)).isInstanceOf(AttachmentRefusal.class)
                .hasMessageContaining("password");
        byte[] clean = cleaner.clean(restricted);
        try (PDDocument document = Loader.loadPDF(clean)) {
            assertThat(document.isEncrypted()).isFalse();
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(HostileFiles.everythingIn(clean)).doesNotContain(MARK);
    }

    @Test
    void everyWayAPdfCanRunScriptIsRemoved() throws Exception {
        PdfCleaner cleaner = new PdfCleaner(10_000_000);
        byte[] scripted = pdfWith(document -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("init", new PDActionJavaScript("app.alert('" + MARK + "NAMES')")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
            PDPage page = document.getPage(0);
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.setO(new PDActionJavaScript("app.alert('" + MARK + "PAGE-OPEN')"));
            page.setActions(actions);
            PDActionJavaScript chained = new PDActionJavaScript("1");
            chained.getCOSObject().setItem(COSName.NEXT, new PDActionJavaScript("app.alert('" + MARK + "NEXT')"));
            document.getDocumentCatalog().setOpenAction(chained);
        });
        assertThat(HostileFiles.everythingIn(scripted)).contains(MARK + "NAMES", MARK + "PAGE-OPEN", MARK + "NEXT");

        String after = HostileFiles.everythingIn(cleaner.clean(scripted));

        assertThat(after).doesNotContain(MARK).doesNotContain("JavaScript");
    }
}
