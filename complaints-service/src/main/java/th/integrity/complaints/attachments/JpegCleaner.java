package th.integrity.complaints.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Rewrites a JPEG keeping only the segments a decoder needs to show it (an allowlist): SOI, DQT, the one SOFn
 * frame header, DHT, DAC, DRI, SOS with its entropy-coded data (RSTn included) and EOI. Everything else is left
 * out, whatever it is: every APPn (JFIF, EXIF, ICC, XMP, IPTC, Photoshop, maker notes, thumbnails, MPF second
 * images), COM, the JPG extension markers, bytes between segments and anything after EOI. Two facts decoders use
 * for colour are written back as fresh, constant segments: a bare JFIF APP0 (no density, no thumbnail) when the
 * file had one, and an Adobe APP14 with only its colour transform when the file had one.
 *
 * <p>ICC profiles (APP2) are not kept: their description, copyright, device maker/model tags and creation time
 * can name a phone model, a calibrated screen or a person; viewers then assume sRGB, so wide-gamut photos look
 * slightly duller. The entropy-coded pixels are copied as they are (no re-encoding, no quality loss), so data
 * hidden in the pixels themselves is not removed.
 */
final class JpegCleaner {

    private static final byte[] JFIF = { (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1,
            0, 0 };

    private JpegCleaner() {
    }

    /**
     * @param maxPixels the largest width × height accepted, read from the frame header without decoding
     * @throws AttachmentRefusal when the frame is larger than {@code maxPixels}
     * @throws IOException       when the bytes are not a JPEG this cleaner can follow
     */
    static byte[] clean(byte[] in, long maxPixels) throws IOException, AttachmentRefusal {
        if (in.length < 4 || u8(in, 0) != 0xFF || u8(in, 1) != 0xD8) {
            throw new IOException("no SOI");
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream(in.length);
        boolean jfif = false;
        int adobeTransform = -1;
        boolean frame = false;
        boolean scan = false;
        int pos = 2;
        while (true) {
            if (pos >= in.length) {
                throw new IOException("no EOI");
            }
            if (u8(in, pos) != 0xFF) {
                pos++; // a stray byte between segments: not copied
                continue;
            }
            while (pos < in.length && u8(in, pos) == 0xFF) {
                pos++; // fill bytes
            }
            if (pos >= in.length) {
                throw new IOException("no EOI");
            }
            int marker = u8(in, pos++);
            if (marker == 0xD9) {
                break; // EOI: whatever follows is a trailer and is dropped
            }
            if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                if (marker == 0xD8) {
                    throw new IOException("second SOI");
                }
                continue; // stuffed byte, TEM or RSTn outside a scan: meaningless here, dropped
            }
            if (pos + 2 > in.length) {
                throw new IOException("truncated segment");
            }
            int length = u16(in, pos);
            if (length < 2 || pos + length > in.length) {
                throw new IOException("bad segment length");
            }
            int start = pos - 2;
            int end = pos + length;
            if (isFrame(marker)) {
                if (frame || length < 8) {
                    throw new IOException(frame ? "more than one frame" : "short frame header");
                }
                long height = u16(in, pos + 3);
                long width = u16(in, pos + 5);
                if (width == 0 || height == 0) {
                    throw new IOException("no dimensions in the frame header");
                }
                if (width * height > maxPixels) {
                    throw AttachmentRefusal.tooManyPixels(width, height, maxPixels);
                }
                frame = true;
                kept.write(in, start, end - start);
                pos = end;
            } else if (marker == 0xDB || marker == 0xC4 || marker == 0xCC || marker == 0xDD) {
                kept.write(in, start, end - start); // DQT, DHT, DAC, DRI: tables the decoder needs
                pos = end;
            } else if (marker == 0xDA) {
                if (!frame) {
                    throw new IOException("scan before frame");
                }
                scan = true;
                kept.write(in, start, end - start);
                int data = end;
                int next = endOfEntropyCodedData(in, data);
                kept.write(in, data, next - data);
                pos = next;
                if (next >= in.length) {
                    break; // file cut short inside the last scan: close it with EOI, as decoders do
                }
            } else {
                if (marker == 0xE0 && startsWith(in, pos + 2, end, "JFIF\0")) {
                    jfif = true;
                } else if (marker == 0xEE && length >= 14 && startsWith(in, pos + 2, end, "Adobe")) {
                    adobeTransform = u8(in, pos + 13);
                }
                pos = end; // APPn, COM, JPG extensions, DNL, DHP, EXP, reserved: left out
            }
        }
        if (!frame || !scan) {
            throw new IOException("no image data");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(kept.size() + 40);
        out.write(0xFF);
        out.write(0xD8);
        if (jfif) {
            out.write(JFIF);
        }
        if (adobeTransform >= 0) {
            out.write(new byte[] { (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
                    (byte) adobeTransform });
        }
        kept.writeTo(out);
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    /** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** The index of the 0xFF that starts the first marker after a scan's data (stuffed 0xFF00 and RSTn belong to it). */
    private static int endOfEntropyCodedData(byte[] in, int from) {
        int i = from;
        while (i < in.length) {
            if (u8(in, i) == 0xFF && i + 1 < in.length) {
                int next = u8(in, i + 1);
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) {
                    return i;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return in.length;
    }

    private static boolean startsWith(byte[] in, int from, int end, String ascii) {
        if (from + ascii.length() > end) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (in[from + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] in, int at) {
        return in[at] & 0xFF;
    }

    private static int u16(byte[] in, int at) {
        return (u8(in, at) << 8) | u8(in, at + 1);
    }
}
