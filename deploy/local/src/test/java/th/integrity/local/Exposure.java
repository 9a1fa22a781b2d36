package th.integrity.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Who can reach a port: what the kernel says it listens on ({@code /proc/net/tcp}, {@code /proc/net/tcp6}), and
 * whether a connection to this machine's own non-loopback address gets through — as another machine's would.
 */
final class Exposure {

    private static final int LISTEN = 0x0A;

    private Exposure() {
    }

    /** An address of this machine other than loopback (IPv4 first), if it has one. */
    static Optional<InetAddress> nonLoopbackAddress() {
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (nic.isUp() && !nic.isLoopback()) {
                    nic.inetAddresses()
                            .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                            .forEach(found::add);
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream().min(Comparator.comparing(address -> address instanceof Inet4Address ? 0 : 1));
    }

    /** Whether a TCP connection to {@code address:port} is accepted. */
    static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The local addresses the kernel has listening sockets on for {@code port} (IPv4 and IPv6), or empty when this
     * is not Linux. {@code 0.0.0.0} or {@code ::} means every interface.
     */
    static Optional<List<InetAddress>> listeningAddresses(int port) {
        Path tcp = Path.of("/proc/net/tcp");
        if (!Files.isReadable(tcp)) {
            return Optional.empty();
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(table);
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    String[] local = fields[1].split(":");
                    if (Integer.parseInt(fields[3], 16) == LISTEN && Integer.parseInt(local[1], 16) == port) {
                        addresses.add(address(local[0]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.of(addresses);
    }

    /** /proc/net prints each 32-bit word of the address in host (little-endian) order. */
    private static InetAddress address(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = raw[word + 3 - i];
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks that the doors (the gateway's HTTP port, the sign-in provider's) are reachable from the network and
     * every other port of the system — the services' own HTTP ports, every management port, Kafka's listeners,
     * MongoDB — listens on loopback only and refuses a connection to this machine's network address.
     */
    static void assertOnlyTheDoorsAreOpen(LauncherConfig config) {
        List<String> doors = Components.SERVICES.stream().filter(ServiceSpec::door).map(ServiceSpec::portKey).toList();
        Optional<InetAddress> outside = nonLoopbackAddress();
        List<String> problems = new ArrayList<>();
        boolean checked = false;
        for (PortSpec spec : Components.PORTS) {
            int port = config.port(spec.key());
            boolean door = doors.contains(spec.key());
            Optional<List<InetAddress>> listening = listeningAddresses(port);
            if (listening.isPresent()) {
                checked = true;
                if (listening.get().isEmpty()) {
                    problems.add(spec.component() + " (" + port + ") does not listen at all");
                } else if (!door && !listening.get().stream().allMatch(InetAddress::isLoopbackAddress)) {
                    problems.add(spec.component() + " (" + port + ") listens on " + listening.get());
                }
            }
            if (outside.isPresent()) {
                checked = true;
                boolean accepted = accepts(outside.get(), port);
                if (accepted != door) {
                    problems.add(spec.component() + " (" + port + ") " + (accepted ? "accepts" : "refuses")
                            + " a connection to " + outside.get().getHostAddress());
                }
            }
        }
        if (!checked) {
            throw new org.opentest4j.TestAbortedException("No /proc/net/tcp and no non-loopback address to check from");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Only the gateway and the sign-in provider may be reachable from the network:\n  "
                    + String.join("\n  ", problems));
        }
    }
}
