package th.integrity.complaints.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Rewrites a PDF (Apache PDFBox) without what can name its author or their computer, keeping every page as it
 * looks. A full rewrite keeps only objects reachable from the document catalog, so earlier revisions
 * (incremental updates), unreferenced objects, comments and bytes after {@code %%EOF} are gone.
 * <ul>
 * <li>The trailer keeps only {@code Root}: the document information dictionary (Title, Author, Creator,
 * Producer, dates, custom keys) and the file identifier (which links the file to the copy on the sender's
 * computer) are dropped; PDFBox writes a fresh identifier from the time of writing.</li>
 * <li>The catalog keeps an allowlist of what showing the pages needs ({@link #CATALOG_KEPT}): XMP metadata, the
 * names tree (embedded files, document JavaScript), open and additional actions, outlines, the structure tree,
 * private application data and the rest are dropped; the form keeps its fields but not its XFA packets. Pages
 * and the nodes of the page tree keep an allowlist too ({@link #PAGE_KEPT}), so an application's own keys on a
 * page go.</li>
 * <li>On every object reachable from the catalog: XMP streams ({@code Metadata}, on pages, images, fonts),
 * private application data ({@code PieceInfo}), modification dates, page thumbnails (which can show a page
 * before an edit) and additional actions are dropped; an action other than going to a page, a web address or a
 * named viewer action (so JavaScript, launching programs, submitting forms) is dropped; a comment loses its
 * author, dates and unique name; a JPEG image inside the PDF goes through {@link JpegCleaner}.</li>
 * <li>Embedded files are refused rather than silently dropped: they are evidence the reporter meant to send,
 * and can be attached separately. Password-protected PDFs are refused; owner-password restrictions are
 * removed.</li>
 * </ul>
 */
final class PdfCleaner {

    private static final Set<COSName> CATALOG_KEPT = Set.of(COSName.TYPE, COSName.VERSION, COSName.PAGES,
            COSName.PAGE_LABELS, COSName.PAGE_LAYOUT, COSName.PAGE_MODE, COSName.VIEWER_PREFERENCES,
            COSName.ACRO_FORM, COSName.OCPROPERTIES, COSName.LANG);
    /** What a page or a node of the page tree needs to be drawn (ISO 32000-2, 7.7.3); the rest is dropped. */
    private static final Set<COSName> PAGE_KEPT = Set.of(COSName.TYPE, COSName.PARENT, COSName.KIDS, COSName.COUNT,
            COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX, COSName.BLEED_BOX, COSName.TRIM_BOX,
            COSName.ART_BOX, COSName.getPDFName("BoxColorInfo"), COSName.CONTENTS, COSName.ROTATE, COSName.GROUP,
            COSName.ANNOTS, COSName.USER_UNIT, COSName.getPDFName("Tabs"));
    private static final Set<COSName> DROPPED_EVERYWHERE = Set.of(COSName.METADATA, COSName.PIECE_INFO, COSName.AA,
            COSName.LAST_MODIFIED, COSName.getPDFName("Thumb"));
    private static final Set<COSName> COMMENT_AUTHOR = Set.of(COSName.T, COSName.M, COSName.NM,
            COSName.CREATION_DATE);
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    private static final Set<String> SAFE_ACTIONS = Set.of("GoTo", "URI", "Named");

    private final MemoryUsageSetting memory;

    /** @param maxFileSize the largest accepted upload: PDFBox's buffers stay in memory up to it, then temp files */
    PdfCleaner(long maxFileSize) {
        this.memory = MemoryUsageSetting.setupMixed(maxFileSize, 4 * maxFileSize);
    }

    /**
     * @throws AttachmentRefusal when the PDF has embedded files or needs a password
     * @throws IOException       when PDFBox cannot parse it
     */
    byte[] clean(byte[] bytes) throws IOException, AttachmentRefusal {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null,
                memory.streamCache)) {
            if (document.isEncrypted()) {
                document.setAllSecurityToBeRemoved(true);
            }
            COSDictionary trailer = document.getDocument().getTrailer();
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            if (catalog.getDictionaryObject(COSName.NAMES) instanceof COSDictionary names
                    && names.containsKey(COSName.EMBEDDED_FILES) || catalog.containsKey(COSName.AF)) {
                throw AttachmentRefusal.embeddedFiles();
            }
            for (COSName key : new ArrayList<>(trailer.keySet())) {
                if (!key.equals(COSName.ROOT) && !key.equals(COSName.ENCRYPT)) {
                    trailer.removeItem(key); // ENCRYPT: PDFBox drops it itself when writing without security
                }
            }
            keepOnly(catalog, CATALOG_KEPT);
            if (catalog.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary form) {
                form.removeItem(COSName.XFA);
            }
            Set<COSDictionary> tree = Collections.newSetFromMap(new IdentityHashMap<>());
            for (PDPage page : document.getPages()) {
                for (COSDictionary node = page.getCOSObject(); node != null && tree.add(node);
                        node = node.getCOSDictionary(COSName.PARENT)) {
                    keepOnly(node, PAGE_KEPT); // stops at a node already seen, so a looping Parent ends too
                }
            }
            scrub(catalog);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            document.save(out);
            return out.toByteArray();
        } catch (InvalidPasswordException e) {
            throw AttachmentRefusal.passwordProtected();
        }
    }

    private static void keepOnly(COSDictionary dictionary, Set<COSName> kept) {
        for (COSName key : new ArrayList<>(dictionary.keySet())) {
            if (!kept.contains(key)) {
                dictionary.removeItem(key);
            }
        }
    }

    /** Visits every object reachable from {@code root} once (iteratively: page trees link back to parents). */
    private static void scrub(COSDictionary root) throws IOException, AttachmentRefusal {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            COSBase next = pending.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    pending.push(array.get(i));
                }
            } else if (next instanceof COSDictionary dictionary) {
                scrubDictionary(dictionary);
                pending.addAll(dictionary.getValues());
            }
        }
    }

    private static void scrubDictionary(COSDictionary dictionary) throws IOException, AttachmentRefusal {
        if (dictionary.containsKey(COSName.EF) || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))
                || FILE_ATTACHMENT.equals(dictionary.getCOSName(COSName.SUBTYPE))
                || dictionary.containsKey(COSName.AF)) {
            throw AttachmentRefusal.embeddedFiles();
        }
        DROPPED_EVERYWHERE.forEach(dictionary::removeItem);
        COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
        if (subtype != null && dictionary.containsKey(COSName.RECT) && !COSName.WIDGET.equals(subtype)) {
            COMMENT_AUTHOR.forEach(dictionary::removeItem); // a comment's /T is its author, not a field name
        }
        if (dictionary.getDictionaryObject(COSName.A) instanceof COSDictionary action && !isSafe(action)) {
            dictionary.removeItem(COSName.A);
        }
        if (dictionary.containsKey(COSName.S) && dictionary.containsKey(COSName.NEXT)) {
            dictionary.removeItem(COSName.NEXT); // chained actions: only the first, checked, one is kept
        }
        if (dictionary instanceof COSStream stream && isJpeg(stream)) {
            byte[] jpeg;
            try (InputStream raw = stream.createRawInputStream()) {
                jpeg = raw.readAllBytes();
            }
            byte[] clean = JpegCleaner.clean(jpeg, Long.MAX_VALUE);
            try (OutputStream raw = stream.createRawOutputStream()) {
                raw.write(clean);
            }
        }
    }

    private static boolean isSafe(COSDictionary action) {
        COSName type = action.getCOSName(COSName.S);
        return type != null && SAFE_ACTIONS.contains(type.getName());
    }

    /** An image stored as a plain JPEG file (the only filter is DCTDecode). */
    private static boolean isJpeg(COSStream stream) {
        COSBase filters = stream.getFilters();
        if (filters instanceof COSArray array && array.size() == 1) {
            filters = array.getObject(0);
        }
        return COSName.DCT_DECODE.equals(filters);
    }
}
