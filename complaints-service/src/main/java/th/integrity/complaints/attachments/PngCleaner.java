package th.integrity.complaints.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Rewrites a PNG keeping only the chunks needed to show it (an allowlist): IHDR, PLTE, IDAT, IEND and the
 * colour facts tRNS, gAMA, cHRM, sRGB, sBIT. Everything else is left out, known or not: text (tEXt, zTXt, iTXt),
 * eXIf, tIME, sPLT, hIST, bKGD, iCCP (a named profile that can carry a device or a person's calibration), pHYs
 * (its density tells e.g. a Retina screenshot from others), APNG frames (the still image stays), private chunks,
 * and anything after IEND. Each kept chunk gets a freshly computed CRC, so not even that field passes through.
 * The compressed pixels are copied unchanged (no re-encoding).
 */
final class PngCleaner {

    static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "sBIT");

    private PngCleaner() {
    }

    /**
     * @param maxPixels the largest width × height accepted, read from IHDR without decoding
     * @throws AttachmentRefusal when the image is larger than {@code maxPixels}
     * @throws IOException       when the bytes are not a complete PNG
     */
    static byte[] clean(byte[] bytes, long maxPixels) throws IOException, AttachmentRefusal {
        if (bytes.length < SIGNATURE.length || !Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length)) {
            throw new IOException("not a PNG");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(SIGNATURE.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(SIGNATURE);
        boolean first = true;
        boolean pixels = false;
        while (true) {
            if (in.remaining() < 12) {
                throw new IOException("truncated PNG");
            }
            int start = in.position();
            long length = Integer.toUnsignedLong(in.getInt());
            if (length > in.remaining() - 8) {
                throw new IOException("truncated PNG chunk");
            }
            String type = new String(bytes, start + 4, 4, StandardCharsets.US_ASCII);
            if (first) {
                if (!type.equals("IHDR") || length != 13) {
                    throw new IOException("PNG does not start with IHDR");
                }
                long width = Integer.toUnsignedLong(in.getInt(start + 8));
                long height = Integer.toUnsignedLong(in.getInt(start + 12));
                if (width == 0 || height == 0) {
                    throw new IOException("PNG without dimensions");
                }
                if (width * height > maxPixels) {
                    throw AttachmentRefusal.tooManyPixels(width, height, maxPixels);
                }
                first = false;
            }
            in.position(start + 8 + (int) length + 4);
            if (KEPT.contains(type)) {
                CRC32 crc = new CRC32();
                crc.update(bytes, start + 4, 4 + (int) length);
                out.write(bytes, start, 8 + (int) length);
                out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
                pixels |= type.equals("IDAT");
            }
            if (type.equals("IEND")) {
                break; // whatever follows is a trailer and is dropped
            }
        }
        if (!pixels) {
            throw new IOException("PNG without image data");
        }
        return out.toByteArray();
    }
}
