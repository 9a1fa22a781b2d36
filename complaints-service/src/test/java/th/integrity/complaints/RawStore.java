package th.integrity.complaints;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import th.integrity.embedded.MongoWireServer;
import th.integrity.embedded.Ports;

/**
 * A file-backed store like the launcher's, for the tests that search what it writes to disk (a stolen copy of the
 * database) for bytes that must not be there: the sealed-at-rest and the crypto-shredding proofs.
 */
public final class RawStore implements AutoCloseable {

    private final Path dir;
    private final MongoWireServer server;

    private RawStore(Path dir) {
        this.dir = dir;
        this.server = MongoWireServer.fileBacked(dir, Ports.free());
    }

    public static RawStore start(String name) {
        try {
            return new RawStore(Files.createTempDirectory(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri(String database) {
        return server.uri(database);
    }

    /** Every byte the store has written to its files so far. */
    public byte[] files() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(p));
            }
            return all.toByteArray();
        }
    }

    /** Waits until {@code needle} (e.g. a case id) is in the files: the store writes them about every second. */
    public void awaitInFiles(byte[] needle) throws Exception {
        for (int i = 0; i < 50; i++) {
            if (indexOf(files(), needle) >= 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the store's files never received it");
    }

    @Override
    public void close() {
        server.close();
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A PNG of random pixels: its compressed data is unique to this run. */
    public static byte[] noisePng() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Random random = new Random();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
