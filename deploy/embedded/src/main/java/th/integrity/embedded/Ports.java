package th.integrity.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Small helpers for choosing and checking local ports. */
public final class Ports {

    private Ports() {
    }

    /** {@code port} itself, or a free one when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something already listens on, or holds, {@code port} on this machine. */
    public static boolean isTaken(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
