package th.integrity.stats.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to a server that can be cut at once: every connection through it is closed and new ones are
 * refused. Seen from the server, the client's process is gone (as after {@code kill -9}); the client finds every
 * further request failing, so nothing it meant to do afterwards (clean-up included) reaches the server.
 */
final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    CuttableProxy(String host, int port) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(() -> {
            while (!cut) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(host, port);
                    sockets.add(client);
                    sockets.add(upstream);
                    if (cut) {
                        close();
                        return;
                    }
                    daemon(() -> pipe(client, upstream));
                    daemon(() -> pipe(upstream, client));
                } catch (IOException e) {
                    return; // cut
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    /** Closes every connection and refuses new ones. */
    void cut() {
        cut = true;
        close();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other side or cut() closed it
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "cuttable-proxy");
        thread.setDaemon(true);
        thread.start();
    }
}
