package th.integrity.complaints.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.Multipart;
import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.TestHttp;

/** Attachments: limits, type by content, metadata removed, stored in GridFS, nothing left by a refusal. */
class AttachmentsTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";
    private static final String COMPLAINT = """
            {"agency": "wangthonglang", "category": "CORRUPTION", "subcategory": "PROCUREMENT",
             "details": "มีการแบ่งซื้อแบ่งจ้างเพื่อหลีกเลี่ยงการประกวดราคา ดูเอกสารที่แนบ"}""";

    @Autowired
    GridFsTemplate gridFs;

    private HttpResponse<String> send(Multipart body) {
        return TestHttp.postBytes(port, "/api/complaints", body.contentType(), body.bytes());
    }

    private long storedFiles() {
        return mongo.getCollection("fs.files").countDocuments();
    }

    static byte[] jpegWithGps() throws Exception {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(100.6107, 13.7786); // longitude, latitude: Wang Thonglang
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), tagged, exif);
        return tagged.toByteArray();
    }

    static byte[] pngWithText() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "png", plain);
        byte[] png = plain.toByteArray();
        // insert a tEXt chunk "Author\0Somchai" right after IHDR (8 + 25 bytes)
        byte[] data = "Author\0Somchai Reporter".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy("tEXt".getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        chunk.writeBytes(typeAndData);
        var crc = new java.util.zip.CRC32();
        crc.update(typeAndData);
        chunk.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        out.writeBytes(chunk.toByteArray());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    static byte[] pdf() {
        return HostileFiles.pdf(1);
    }

    @Test
    void storesImagesWithoutTheirMetadataAndOfficersCanDownloadThem() throws Exception {
        byte[] jpeg = jpegWithGps();
        ImageMetadata before = Imaging.getMetadata(jpeg);
        assertThat(((JpegImageMetadata) before).getExif().getGpsInfo()).as("the test image has GPS").isNotNull();
        byte[] png = pngWithText();
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("Somchai");

        HttpResponse<String> response = send(new Multipart().json("complaint", COMPLAINT)
                .file("IMG_0001.JPG", "image/jpeg", jpeg).file("screen.png", "image/png", png)
                .file("quotation.pdf", "application/pdf", pdf()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Document stored = storedByCode(body(response).get("trackingCode").asString());
        List<Document> attachments = stored.getList("attachments", Document.class);
        assertThat(attachments).extracting(a -> a.getString("contentType"))
                .containsExactly("image/jpeg", "image/png", "application/pdf");
        assertThat(attachments).extracting(a -> a.getString("name"))
                .containsExactly("attachment-1.jpg", "attachment-2.png", "attachment-3.pdf");
        assertThat(stored.toJson()).doesNotContain("IMG_0001").doesNotContain("quotation");

        String officer = officer(AGENCY);
        String caseId = stored.getString("_id");
        HttpResponse<byte[]> image = TestHttp.getBytes(port,
                "/api/complaints/cases/" + caseId + "/attachments/" + attachments.get(0).getString("fileId"), officer);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        ImageMetadata after = Imaging.getMetadata(image.body());
        assertThat(after == null || ((JpegImageMetadata) after).getExif() == null).as("no EXIF left").isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(image.body()))).as("still an image").isNotNull();

        HttpResponse<byte[]> screen = TestHttp.getBytes(port,
                "/api/complaints/cases/" + caseId + "/attachments/" + attachments.get(1).getString("fileId"), officer);
        assertThat(new String(screen.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Somchai").doesNotContain("tEXt");
        assertThat(ImageIO.read(new ByteArrayInputStream(screen.body()))).isNotNull();

        // another agency's officer cannot fetch it
        assertThat(TestHttp.getBytes(port, "/api/complaints/cases/" + caseId + "/attachments/"
                + attachments.get(0).getString("fileId"), officer("bangkapi")).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAFileWhoseBytesAreNotWhatItsNameClaimsAndStoresNothing() throws Exception {
        long complaints = storedComplaints();
        long files = storedFiles();

        HttpResponse<String> pdfNamedJpeg = send(new Multipart().json("complaint", COMPLAINT)
                .file("photo.jpg", "application/pdf", jpegWithGps()).file("photo2.jpg", "image/jpeg", pdf()));
        HttpResponse<String> script = send(new Multipart().json("complaint", COMPLAINT)
                .file("evidence.pdf", "application/pdf", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> exe = send(new Multipart().json("complaint", COMPLAINT)
                .file("tool.exe", "application/octet-stream", pdf()));

        for (HttpResponse<String> response : List.of(pdfNamedJpeg, script, exe)) {
            assertThat(response.statusCode()).isEqualTo(415);
            JsonNode problem = body(response);
            assertThat(problem.get("type").asString()).isEqualTo("urn:integrity:problem:unsupported-attachment");
            assertThat(problem.get("errors").get(0).get("message_th").asString()).contains("JPEG");
        }
        assertThat(fields(body(pdfNamedJpeg))).containsExactly("files[1]");
        assertThat(storedComplaints()).isEqualTo(complaints);
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void refusesMoreThanFiveFilesAndEmptyOnes() {
        long complaints = storedComplaints();
        Multipart six = new Multipart().json("complaint", COMPLAINT);
        for (int i = 0; i < 6; i++) {
            six.file("f" + i + ".pdf", "application/pdf", pdf());
        }
        HttpResponse<String> tooMany = send(six);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(fields(body(tooMany))).containsExactly("files");

        HttpResponse<String> empty = send(new Multipart().json("complaint", COMPLAINT)
                .file("empty.pdf", "application/pdf", new byte[0]));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(storedComplaints()).isEqualTo(complaints);
    }

    @Test
    void refusesAFileOverTenMegabytesWith413() {
        long complaints = storedComplaints();
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf(), 0, big, 0, pdf().length);

        HttpResponse<String> response = send(new Multipart().json("complaint", COMPLAINT)
                .file("big.pdf", "application/pdf", big));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(response).get("title_th").asString()).isNotBlank();
        assertThat(storedComplaints()).isEqualTo(complaints);
    }

    @Test
    void validatesTheComplaintPartLikeTheJsonForm() {
        long complaints = storedComplaints();
        HttpResponse<String> response = send(new Multipart()
                .json("complaint", "{\"agency\": \"wangthonglang\", \"category\": \"CORRUPTION\", \"subcategory\": \"UNFAIR_SERVICE\", \"details\": \"short\"}")
                .file("a.pdf", "application/pdf", pdf()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(body(response))).containsExactly("details", "subcategory");
        assertThat(storedComplaints()).isEqualTo(complaints);
    }

    @Test
    void sweepsStoredFilesThatNoCaseReferences() {
        ObjectId orphan = gridFs.store(new ByteArrayInputStream(pdf()), "attachment-1.pdf", "application/pdf",
                new Document("caseId", "never-written").append("storedAt", java.util.Date.from(clock.instant())));
        try {
            clock.advance(Duration.ofHours(2));
            attachmentStore.sweepOrphans();
        } finally {
            clock.reset();
        }
        assertThat(gridFs.findOne(new Query(Criteria.where("_id").is(orphan)))).isNull();
    }

    @Autowired
    AttachmentStore attachmentStore;

    @Test
    void inspectorDropsPngTextChunks() throws Exception {
        byte[] stripped = PngCleaner.clean(pngWithText(), 40_000_000);
        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("Somchai");
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped))).isNotNull();
        assertThat(Map.of()).isEmpty();
    }
}
