package th.integrity.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire server in this JVM (mongo-java-server). File-backed (H2 MVStore) for the launcher, so
 * data survives a restart; in memory for tests. It has no sessions, so no multi-document transactions:
 * the services never need them (see the single-document outbox).
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private MongoWireServer(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        this.port = Ports.orFree(port);
        // The loopback address only: the embedded server has no users, so nothing on the network may reach it.
        server.bind(InetAddress.getLoopbackAddress().getHostAddress(), this.port);
    }

    /** Page cache of the file store, in MB (H2's default is 16). */
    static final int CACHE_MB = 256;
    /** Chunks are rewritten when less than this share of them is live data (H2's default is 90). */
    static final int COMPACT_FILL_RATE = 50;

    /**
     * Keeps every database in one file under {@code dir}. H2's defaults suit small stores: with ~250,000
     * complaints the unique indexes no longer fit its 16 MB page cache, so every insert read index pages back from
     * the file (Java deserialization) and chunk compaction rewrote the file continuously; under load the launcher
     * then spent 140 % CPU in H2 while intake fell to a tenth (docs/benchmarks.md). A larger cache and a lower
     * compaction threshold keep the working set in memory at the price of a larger file.
     */
    public static MongoWireServer fileBacked(Path dir, int port) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = new MVStore.Builder().fileName(dir.resolve("integrity.mv").toAbsolutePath().toString())
                .cacheSize(CACHE_MB).autoCompactFillRate(COMPACT_FILL_RATE).open();
        return new MongoWireServer(new H2Backend(store), port);
    }

    public static MongoWireServer inMemory(int port) {
        return new MongoWireServer(new MemoryBackend(), port);
    }

    public int port() {
        return port;
    }

    /** A connection string for {@code database} on this server. */
    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
