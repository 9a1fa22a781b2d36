package th.integrity.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

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
        server.bind("localhost", this.port);
    }

    /** Keeps every database in one file under {@code dir}. */
    public static MongoWireServer fileBacked(Path dir, int port) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MongoWireServer(new H2Backend(dir.resolve("integrity.mv").toAbsolutePath().toString()), port);
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
