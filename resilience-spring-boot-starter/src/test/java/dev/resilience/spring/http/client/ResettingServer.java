package dev.resilience.spring.http.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that resets every connection: it accepts, reads a little of the request and closes with
 * {@code SO_LINGER 0}, so the client sees "connection reset". Counts the connections.
 */
final class ResettingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    ResettingServer() throws IOException {
        socket = new ServerSocket(0);
        acceptor = new Thread(this::acceptAll, "resetting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://localhost:" + socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                client.getInputStream().read(new byte[64]);
                client.setSoLinger(true, 0);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // the next connection is reset the same way
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
