package th.integrity.complaints.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;

/**
 * Real files that carry every kind of identifying data a sender's phone, camera or office software leaves,
 * each with a distinctive marker string ({@code SOMCHAI-…}) so a test can show that none survives.
 */
public final class HostileFiles {

    static final String MARK = "SOMCHAI-";

    private HostileFiles() {
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x336699));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] plainJpeg(int width, int height) {
        return write(picture(width, height), "jpeg");
    }

    static byte[] plainPng(int width, int height) {
        return write(picture(width, height), "png");
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    // ---- JPEG ----

    /** A JPEG segment {@code FF marker length payload}. */
    static byte[] segment(int marker, byte[] payload) {
        return concat(new byte[] { (byte) 0xFF, (byte) marker, (byte) ((payload.length + 2) >> 8),
                (byte) (payload.length + 2) }, payload);
    }

    /** {@code jpeg} with {@code inserted} placed right after its SOI. */
    static byte[] afterSoi(byte[] jpeg, byte[]... inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] part : inserted) {
            out.writeBytes(part);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A camera JPEG as it arrives from a phone, and then some: every place a name or a position can hide. */
    static byte[] jpegWithEverything(int width, int height) throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(100.6107, 13.7786); // Wang Thonglang
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ARTIST, MARK + "EXIF-ARTIST");
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plainJpeg(width, height), withExif, exif);
        byte[] iptc = concat(new byte[] { 0x1C, 2, 80, 0, (byte) (MARK + "IPTC-BYLINE").length() },
                ascii(MARK + "IPTC-BYLINE"));
        byte[] photoshop = concat(ascii("Photoshop 3.0\0" + "8BIM"), new byte[] { 4, 4, 0, 0 },
                ByteBuffer.allocate(4).putInt(iptc.length).array(), iptc, iptc.length % 2 == 1 ? new byte[1] : new byte[0]);
        byte[] jpeg = afterSoi(withExif.toByteArray(),
                segment(0xFE, ascii(MARK + "COM")),
                segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>" + MARK
                        + "XMP</dc:creator></x:xmpmeta>")),
                segment(0xE2, concat(ascii("ICC_PROFILE\0"), new byte[] { 1, 1 }, ascii("desc " + MARK + "ICC"))),
                segment(0xE3, ascii(MARK + "APP3")),
                segment(0xEC, ascii("Ducky\0" + MARK + "APP12")),
                segment(0xED, photoshop),
                segment(0xEF, ascii(MARK + "APP15")));
        return concat(jpeg, ascii(MARK + "AFTER-EOI"));
    }

    static final List<String> JPEG_MARKERS = List.of("EXIF-ARTIST", "IPTC-BYLINE", "COM", "XMP", "ICC", "APP3",
            "APP12", "APP15", "AFTER-EOI");

    /** SOI, SOF0 declaring {@code width} × {@code height}, EOI: nothing to decode, only a claim. */
    static byte[] jpegHeaderOnly(int width, int height) {
        byte[] sof = { 8, (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 3, 1, 0x22, 0, 2,
                0x11, 1, 3, 0x11, 1 };
        return concat(new byte[] { (byte) 0xFF, (byte) 0xD8 }, segment(0xC0, sof), new byte[] { (byte) 0xFF,
                (byte) 0xD9 });
    }

    // ---- PNG ----

    static byte[] chunk(String type, byte[] data) {
        byte[] typeAndData = concat(ascii(type), data);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeAndData,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** {@code png} with {@code inserted} placed right after IHDR. */
    static byte[] afterIhdr(byte[] png, byte[]... inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        for (byte[] part : inserted) {
            out.writeBytes(part);
        }
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] pngWithEverything(int width, int height) {
        byte[] png = afterIhdr(plainPng(width, height),
                chunk("tEXt", ascii("Author\0" + MARK + "tEXt")),
                chunk("zTXt", concat(ascii(MARK + "zTXt\0\0"), deflate(ascii("Somchai's phone")))),
                chunk("iTXt", ascii("XML:com.adobe.xmp\0\0\0\0\0<dc:creator>" + MARK + "iTXt</dc:creator>")),
                chunk("eXIf", concat(ascii("MM\0*"), new byte[4], ascii(MARK + "eXIf"))),
                chunk("sPLT", concat(ascii(MARK + "sPLT\0"), new byte[] { 8, 1, 2, 3, (byte) 255, 0, 1 })),
                chunk("prVt", ascii(MARK + "prVt")),
                chunk("iCCP", concat(ascii(MARK + "iCCP\0\0"), deflate(ascii("not really a profile")))),
                chunk("pHYs", new byte[] { 0, 0, 0x16, 0x25, 0, 0, 0x16, 0x25, 1 }),
                chunk("tIME", new byte[] { 0x07, (byte) 0xEA, 12, 3, 9, 15, 0 }));
        return concat(png, ascii(MARK + "AFTER-IEND"));
    }

    static final List<String> PNG_MARKERS = List.of("tEXt", "zTXt", "iTXt", "eXIf", "sPLT", "prVt", "iCCP",
            "AFTER-IEND");

    static byte[] pngHeaderOnly(long width, long height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt((int) width).putInt((int) height).put((byte) 8).put((byte) 2)
                .array();
        return concat(PngCleaner.SIGNATURE, chunk("IHDR", ihdr), chunk("IEND", new byte[0]));
    }

    /** The chunk types of a PNG, in order. */
    static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(8);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            types.add(new String(type, StandardCharsets.ISO_8859_1));
            in.position(in.position() + length + 4);
        }
        return types;
    }

    // ---- PDF ----

    /** A plain PDF of {@code pages} pages with a line of text on each, as PDFBox writes it. */
    public static byte[] pdf(int pages) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(page(document, "Quotation, page " + (i + 1)));
            }
            return save(document, CompressParameters.DEFAULT_COMPRESSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDPage page(PDDocument document, String text) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
            content.newLineAtOffset(72, 760);
            content.showText(text);
            content.endText();
        }
        return page;
    }

    static byte[] save(PDDocument document, CompressParameters compression) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out, compression);
        return out.toByteArray();
    }

    static byte[] xmp(String creator) {
        return ascii("<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>" + creator
                + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>");
    }

    /**
     * A three-page PDF as office software writes it, and worse: document information (standard and custom
     * keys), XMP for the document and a page, private application data, a comment with its author, document
     * JavaScript, a link running JavaScript, a file identifier, a camera JPEG drawn on page 1, a comment line
     * and bytes after {@code %%EOF}. Saved without compression so the markers are visible in the bytes.
     */
    static byte[] pdfWithEverything() throws Exception {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < 3; i++) {
                document.addPage(page(document, "Quotation, page " + (i + 1)));
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setAuthor(MARK + "AUTHOR");
            info.setTitle(MARK + "TITLE");
            info.setProducer(MARK + "PRODUCER");
            info.setCreator(MARK + "CREATOR");
            info.setCustomMetadataValue("ReporterPhone", MARK + "CUSTOM-INFO");
            PDMetadata xmp = new PDMetadata(document, new ByteArrayInputStream(xmp(MARK + "XMP")));
            document.getDocumentCatalog().setMetadata(xmp);
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('" + MARK + "JS')"));

            PDPage first = document.getPage(0);
            first.setMetadata(new PDMetadata(document, new ByteArrayInputStream(xmp(MARK + "PAGE-XMP"))));
            COSDictionary piece = new COSDictionary();
            piece.setString("LastUser", MARK + "PIECEINFO");
            first.getCOSObject().setItem(COSName.PIECE_INFO, piece);
            first.getCOSObject().setString(COSName.getPDFName("AppReviewer"), MARK + "PAGE-KEY");
            document.getPages().getCOSObject().setString(COSName.getPDFName("AppUser"), MARK + "PAGES-KEY");
            PDAnnotationText comment = new PDAnnotationText();
            comment.setRectangle(new PDRectangle(72, 700, 20, 20));
            comment.setContents("see the total");
            comment.setTitlePopup(MARK + "COMMENT-AUTHOR");
            first.getAnnotations().add(comment);
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 650, 100, 20));
            link.setAction(new PDActionJavaScript("app.launchURL('https://example.org/?" + MARK + "LINK-JS')"));
            first.getAnnotations().add(link);
            PDImageXObject photo = JPEGFactory.createFromByteArray(document, jpegWithEverything(40, 30));
            try (PDPageContentStream content = new PDPageContentStream(document, first,
                    PDPageContentStream.AppendMode.APPEND, true)) {
                content.drawImage(photo, 72, 500, 160, 120);
            }
            COSArray id = new COSArray();
            id.add(new COSString(MARK + "FILE-ID"));
            id.add(new COSString(MARK + "FILE-ID"));
            document.getDocument().getTrailer().setItem(COSName.ID, id);
            byte[] saved = save(document, CompressParameters.NO_COMPRESSION);
            String text = new String(saved, StandardCharsets.ISO_8859_1);
            int body = text.indexOf('\n', text.indexOf('\n') + 1) + 1; // after the header and its binary comment
            return concat(ascii(text.substring(0, body)), ascii("%" + MARK + "COMMENT-LINE\n"),
                    ascii(text.substring(body)), ascii(MARK + "AFTER-EOF\n"));
        }
    }

    static final List<String> PDF_MARKERS = List.of("AUTHOR", "TITLE", "PRODUCER", "CREATOR", "CUSTOM-INFO",
            "XMP", "JS", "PAGE-XMP", "PIECEINFO", "PAGE-KEY", "PAGES-KEY", "COMMENT-AUTHOR", "LINK-JS",
            "EXIF-ARTIST", "COM", "APP15", "FILE-ID", "COMMENT-LINE", "AFTER-EOF");

    /**
     * Everything a PDF says, however it is stored: its raw bytes, and every string, name and decoded stream of
     * every object in it (the service saves with compressed object streams, where raw bytes show nothing).
     */
    static String everythingIn(byte[] pdf) throws IOException {
        StringBuilder text = new StringBuilder(new String(pdf, StandardCharsets.ISO_8859_1));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            List<COSBase> pending = new ArrayList<>();
            pending.add(document.getDocument().getTrailer());
            for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
                pending.add(document.getDocument().getObjectFromPool(key));
            }
            while (!pending.isEmpty()) {
                COSBase next = pending.remove(pending.size() - 1);
                if (next instanceof COSObject reference) {
                    next = reference.getObject();
                }
                if (next == null || !seen.add(next)) {
                    continue;
                }
                if (next instanceof COSString string) {
                    text.append(' ').append(string.getString());
                } else if (next instanceof COSName name) {
                    text.append(' ').append(name.getName());
                } else if (next instanceof COSArray array) {
                    array.forEach(pending::add);
                } else if (next instanceof COSDictionary dictionary) {
                    dictionary.keySet().forEach(pending::add);
                    pending.addAll(dictionary.getValues());
                    if (dictionary instanceof COSStream stream) {
                        try (InputStream raw = stream.createRawInputStream()) {
                            text.append(' ').append(new String(raw.readAllBytes(), StandardCharsets.ISO_8859_1));
                        }
                        try (InputStream decoded = stream.createInputStream()) {
                            text.append(' ').append(new String(decoded.readAllBytes(), StandardCharsets.ISO_8859_1));
                        } catch (IOException undecodable) {
                            // an image filter PDFBox does not decode: its raw bytes are in already
                        }
                    }
                }
            }
        }
        return text.toString();
    }
}
