package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing starts when a port is taken or a jar is missing, and the message says what to do. */
class PreflightTest {

    @TempDir
    Path home;

    @Test
    void portInUseNamesThePortAndTheComponent() throws Exception {
        FakeServices.install(home, Map.of());
        try (ServerSocket gateway = new ServerSocket(0);
                ServerSocket mongo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket management = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LauncherConfig config = config().withPort("gateway", gateway.getLocalPort())
                    .withPort("mongodb", mongo.getLocalPort())
                    .withPort("gifts-management", management.getLocalPort());

            assertThatThrownBy(() -> LocalSystem.start(config, quiet()))
                    .isInstanceOf(LaunchException.class)
                    .satisfies(e -> assertThat(((LaunchException) e).exitCode()).isEqualTo(2))
                    .hasMessageContaining("Port " + gateway.getLocalPort() + " (gateway) is already in use. Stop "
                            + "whatever holds it, or choose another with GATEWAY_PORT=")
                    .hasMessageContaining("Port " + mongo.getLocalPort() + " (MongoDB) is already in use")
                    .hasMessageContaining("MONGODB_PORT=")
                    .hasMessageContaining("Port " + management.getLocalPort() + " (gifts-service management) is "
                            + "already in use")
                    .hasMessageContaining("GIFTS_MANAGEMENT_PORT=");
        }
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    void missingJarSaysWhichAndHowToBuildIt() throws Exception {
        FakeServices.install(home, Map.of());
        Files.delete(Components.service("stats-service").jar(home));

        assertThatThrownBy(() -> LocalSystem.start(config(), quiet()))
                .isInstanceOf(LaunchException.class)
                .satisfies(e -> assertThat(((LaunchException) e).exitCode()).isEqualTo(2))
                .hasMessageContaining("The jar of stats-service (")
                .hasMessageContaining("stats-service/target/stats-service.jar) is missing")
                .hasMessageContaining("./mvnw -q install -DskipTests")
                .hasMessageNotContaining("gateway");
        assertThat(home.resolve("data")).doesNotExist();
    }

    private LauncherConfig config() {
        return LauncherConfig.defaults(home, home.resolve("data")).withFreePorts();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
