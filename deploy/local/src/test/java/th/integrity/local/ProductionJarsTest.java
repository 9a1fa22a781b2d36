package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import th.integrity.embedded.KafkaBroker;
import th.integrity.testkit.TestIssuer;
import th.integrity.watchdog.ParentWatchdog;

/**
 * The jars that go to production carry neither the launcher's concerns (its watchdog agent, its Kafka broker and
 * MongoDB-wire server) nor test fixtures: whatever class those modules hold, none is in a service's jar, its own
 * classes or any library inside it; the only library of this project inside is the platform.
 *
 * <p>Skipped when the service jars are not built; {@code ./mvnw verify} from the root builds them first.
 */
class ProductionJarsTest {

    private static final Path HOME = Path.of("../..").toAbsolutePath().normalize();

    /** The project's libraries a production jar may carry. */
    private static final Set<String> OWN_LIBRARIES = Set.of("integrity-platform");

    /** Libraries only tests use. */
    private static final List<String> TEST_LIBRARIES = List.of("jqwik", "junit", "assertj", "mockito", "awaitility",
            "mongo-java-server", "kafka_2", "kafka-server", "spring-boot-test", "spring-test");

    static Stream<String> productionJars() {
        return Components.SERVICES.stream().map(spec -> spec.jar(HOME).toString());
    }

    @ParameterizedTest
    @MethodSource("productionJars")
    void carriesNoLauncherPartAndNoTestFixture(String jarName) throws IOException {
        Path jar = Path.of(jarName);
        Assumptions.assumeTrue(Files.isRegularFile(jar), "Not built: " + jar
                + ". Build the services from the repository root with ./mvnw -q package -DskipTests");
        Set<String> forbidden = new TreeSet<>();
        forbidden.addAll(classesOf(TestIssuer.class));
        forbidden.addAll(classesOf(ParentWatchdog.class));
        forbidden.addAll(classesOf(KafkaBroker.class));
        assertThat(forbidden).as("the fixture, agent and launcher classes were found")
                .contains("TestIssuer", "Hostile", "RawHttp", "TopicReader", "ParentWatchdog", "KafkaBroker",
                        "MongoWireServer");

        List<String> found = new ArrayList<>();
        List<String> ownLibraries = new ArrayList<>();
        List<String> testLibraries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    String library = name.substring("BOOT-INF/lib/".length());
                    if (library.startsWith("integrity-")) {
                        ownLibraries.add(library.replaceFirst("-\\d.*", ""));
                    }
                    if (TEST_LIBRARIES.stream().anyMatch(library::startsWith)) {
                        testLibraries.add(library);
                    }
                    try (InputStream in = file.getInputStream(entry); JarInputStream nested = new JarInputStream(in)) {
                        for (JarEntry inner; (inner = nested.getNextJarEntry()) != null;) {
                            check(library + "!/" + inner.getName(), forbidden, found);
                        }
                    }
                } else {
                    check(name, forbidden, found);
                }
            }
        }

        assertThat(found).as("launcher or test-fixture classes in " + jar.getFileName()).isEmpty();
        assertThat(ownLibraries).as("this project's libraries in " + jar.getFileName()).isSubsetOf(OWN_LIBRARIES);
        assertThat(testLibraries).as("test libraries in " + jar.getFileName()).isEmpty();
    }

    private static void check(String entry, Set<String> forbidden, List<String> found) {
        if (entry.endsWith(".class") && entry.contains("th/integrity/")) {
            String simple = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".class".length());
            String topLevel = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
            if (forbidden.contains(topLevel)) {
                found.add(entry);
            }
        }
    }

    /** The simple names of the top-level classes in the class folder or jar {@code member} was loaded from. */
    private static Set<String> classesOf(Class<?> member) {
        Set<String> names = new TreeSet<>();
        try {
            Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                            .forEach(n -> names.add(n.substring(0, n.length() - ".class".length())));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                            .forEach(n -> names.add(n.substring(n.lastIndexOf('/') + 1, n.length() - ".class".length())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        names.remove("package-info");
        return names;
    }
}
