package th.integrity.complaints.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static th.integrity.complaints.attachments.HostileFiles.MARK;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.Multipart;
import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.TestHttp;

/**
 * Attachments carry nothing that identifies the reporter: real files with every kind of metadata go through the
 * public intake endpoint, and what an officer downloads has none of it, yet still shows the same picture or pages.
 */
class MetadataRemovalTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";
    private static final String COMPLAINT = """
            {"agency": "wangthonglang", "category": "CORRUPTION", "subcategory": "PROCUREMENT",
             "details": "มีการแบ่งซื้อแบ่งจ้างเพื่อหลีกเลี่ยงการประกวดราคา ดูเอกสารที่แนบ"}""";

    private HttpResponse<String> send(Multipart body) {
        return TestHttp.postBytes(port, "/api/complaints", body.contentType(), body.bytes());
    }

    /** Files {@code file} with a complaint and returns what an officer of the agency downloads. */
    private byte[] fileAndDownload(String name, String type, byte[] file) {
        HttpResponse<String> response = send(new Multipart().json("complaint", COMPLAINT).file(name, type, file));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Document stored = storedByCode(body(response).get("trackingCode").asString());
        Document attachment = stored.getList("attachments", Document.class).get(0);
        HttpResponse<byte[]> download = TestHttp.getBytes(port, "/api/complaints/cases/" + stored.getString("_id")
                + "/attachments/" + attachment.getString("fileId"), officer(AGENCY));
        assertThat(download.statusCode()).isEqualTo(200);
        return download.body();
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aPhotoLosesEverySegmentThatIsNotPictureAndStillShowsTheSamePicture() throws Exception {
        byte[] jpeg = HostileFiles.jpegWithEverything(64, 48);
        for (String marker : HostileFiles.JPEG_MARKERS) {
            assertThat(latin1(jpeg)).as("the test photo carries " + marker).contains(MARK + marker);
        }

        byte[] stored = fileAndDownload("IMG_0001.JPG", "image/jpeg", jpeg);

        assertThat(latin1(stored)).doesNotContain(MARK).doesNotContain("Exif").doesNotContain("ICC_PROFILE")
                .doesNotContain("Photoshop");
        assertThat(stored[stored.length - 2] & 0xFF).as("ends with EOI").isEqualTo(0xFF);
        assertThat(stored[stored.length - 1] & 0xFF).isEqualTo(0xD9);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        int centre = image.getRGB(32, 24);
        int expected = HostileFiles.picture(64, 48).getRGB(32, 24);
        for (int shift : new int[] { 0, 8, 16 }) {
            assertThat((centre >> shift) & 0xFF).as("the same picture: orange in the middle")
                    .isCloseTo((expected >> shift) & 0xFF, org.assertj.core.data.Offset.offset(24));
        }
    }

    @Test
    void aScreenshotKeepsOnlyTheChunksThatDrawItAndStillShowsTheSamePicture() throws Exception {
        byte[] png = HostileFiles.pngWithEverything(40, 30);
        for (String marker : HostileFiles.PNG_MARKERS) {
            assertThat(latin1(png)).as("the test screenshot carries " + marker).contains(MARK + marker);
        }

        byte[] stored = fileAndDownload("Screenshot 2026-12-03 at 09.15.00.png", "image/png", png);

        assertThat(latin1(stored)).doesNotContain(MARK);
        assertThat(HostileFiles.chunkTypes(stored)).containsExactly("IHDR", "IDAT", "IEND");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(30);
        BufferedImage original = HostileFiles.picture(40, 30);
        for (int[] xy : new int[][] { { 0, 0 }, { 20, 15 }, { 39, 29 } }) {
            assertThat(image.getRGB(xy[0], xy[1])).isEqualTo(original.getRGB(xy[0], xy[1]));
        }
    }

    @Test
    void aPdfLosesItsPropertiesXmpScriptsAndCommentAuthorsAndKeepsItsPages() throws Exception {
        byte[] pdf = HostileFiles.pdfWithEverything();
        String before = HostileFiles.everythingIn(pdf);
        for (String marker : HostileFiles.PDF_MARKERS) {
            assertThat(before).as("the test PDF carries " + marker).contains(MARK + marker);
        }

        byte[] stored = fileAndDownload("quotation.pdf", "application/pdf", pdf);

        assertThat(HostileFiles.everythingIn(stored)).doesNotContain(MARK).doesNotContain("JavaScript");
        try (PDDocument document = Loader.loadPDF(stored)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            assertThat(document.getDocumentInformation().getMetadataKeys()).isEmpty();
            assertThat(document.getDocumentCatalog().getMetadata()).isNull();
            assertThat(document.getPage(0).getAnnotations()).as("the comment itself stays").hasSize(2);
            assertThat(document.getPage(0).getAnnotations().get(0).getContents()).isEqualTo("see the total");
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Quotation, page 1", "Quotation, page 3");
        }
    }

    @Test
    void anImageDeclaringAbsurdDimensionsIsRefusedBeforeAnythingDecodesItAndNothingIsStored() {
        long complaints = storedComplaints();
        long files = mongo.getCollection("fs.files").countDocuments();
        List<byte[]> bombs = List.of(HostileFiles.pngHeaderOnly(60000, 60000), HostileFiles.jpegHeaderOnly(60000, 60000),
                HostileFiles.pngHeaderOnly(0xFFFFFFFFL, 1), HostileFiles.pngHeaderOnly(8000, 5001));
        for (byte[] bomb : bombs) {
            boolean png = bomb[1] == 'P';
            HttpResponse<String> response = send(new Multipart().json("complaint", COMPLAINT)
                    .file("ok.png", "image/png", HostileFiles.plainPng(4, 4))
                    .file(png ? "big.png" : "big.jpg", png ? "image/png" : "image/jpeg", bomb));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            JsonNode problem = body(response);
            assertThat(problem.get("type").asString()).isEqualTo("urn:integrity:problem:attachment-too-large");
            assertThat(fields(problem)).containsExactly("files[1]");
            assertThat(problem.get("errors").get(0).get("message_en").asString()).contains("pixels");
            assertThat(problem.get("errors").get(0).get("message_th").asString()).contains("พิกเซล");
        }
        assertThat(storedComplaints()).isEqualTo(complaints);
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(files);
    }

    @Test
    void aPdfThatCannotBeParsedOrCarriesFilesIsRefusedAndNothingIsStored() throws Exception {
        long complaints = storedComplaints();
        long files = mongo.getCollection("fs.files").countDocuments();
        byte[] broken = "%PDF-1.7\n1 0 obj <</Author (x)>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> unreadable = send(new Multipart().json("complaint", COMPLAINT)
                .file("a.pdf", "application/pdf", broken));
        HttpResponse<String> carrying = send(new Multipart().json("complaint", COMPLAINT)
                .file("a.pdf", "application/pdf", CleanersTest.pdfWithEmbeddedFile()));

        assertThat(unreadable.statusCode()).as(unreadable.body()).isEqualTo(415);
        assertThat(body(unreadable).get("errors").get(0).get("message_en").asString()).contains("could not be read");
        assertThat(carrying.statusCode()).as(carrying.body()).isEqualTo(415);
        assertThat(body(carrying).get("errors").get(0).get("message_en").asString()).contains("embedded");
        assertThat(body(carrying).get("errors").get(0).get("message_th").asString()).contains("ฝัง");
        assertThat(storedComplaints()).isEqualTo(complaints);
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(files);
    }
}
