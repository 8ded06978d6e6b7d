package dev.resilience.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The simulated remote service, served over real HTTP on its own loopback port (the JDK's built-in server,
 * so {@code java -jar} needs nothing else): {@code GET /downstream?what=...} answers 200 with the answer, or
 * 503 when the answer function throws {@link DownstreamException}. Requests run on a thread pool of their own.
 */
final class DownstreamServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    private DownstreamServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the server.
     *
     * @param port the port, 0 for any free one
     * @param answer turns the {@code what} parameter into the body; throws {@link DownstreamException} to fail
     * @return the running server
     */
    static DownstreamServer start(int port, Function<String, String> answer) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            DownstreamServer downstream = new DownstreamServer(http);
            http.createContext("/downstream", exchange -> downstream.handle(exchange, answer));
            http.setExecutor(downstream.executor);
            http.start();
            return downstream;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the downstream server on port " + port, e);
        }
    }

    /** @return the base URL, such as {@code http://127.0.0.1:41234} */
    String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, Function<String, String> answer) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            String what = query != null && query.startsWith("what=")
                    ? URLDecoder.decode(query.substring(5), StandardCharsets.UTF_8) : "";
            int status;
            String body;
            try {
                body = answer.apply(what);
                status = 200;
            } catch (DownstreamException e) {
                body = e.getMessage();
                status = 503;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
