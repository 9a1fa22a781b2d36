package th.integrity.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes {@code <home>/<service>/target/<service>.jar} files that run {@link FakeService}. */
final class FakeServices {

    /** Small flags: these JVMs only serve one tiny HTTP endpoint. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx24m", "-Xss256k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private FakeServices() {
    }

    /** Every service behaves as {@code behaviours} says, {@code ready} when it says nothing. */
    static void install(Path home, Map<String, String> behaviours) throws IOException {
        String classes;
        try {
            classes = FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceSpec spec : Components.SERVICES) {
            Manifest manifest = new Manifest();
            Attributes attributes = manifest.getMainAttributes();
            attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            attributes.put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
            attributes.put(Attributes.Name.CLASS_PATH, classes);
            attributes.putValue("Fake-Behaviour", behaviours.getOrDefault(spec.name(), "ready"));
            Path jar = spec.jar(home);
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
                // the manifest is the whole jar
            }
        }
    }
}
