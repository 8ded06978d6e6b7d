package dev.resilience.spring.http.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on an ephemeral port (the JDK's), bound to every local address so that
 * {@code localhost} and {@code 127.0.0.1} reach it as two hosts. Each path answers its scripted responses
 * in order, then 200 "ok". Records every request (path and body).
 */
final class Downstream implements AutoCloseable {

    /** A scripted answer: status, optional Retry-After, optional latch to wait on before answering. */
    record Answer(int status, String retryAfter, CountDownLatch hold) {
        static Answer status(int status) {
            return new Answer(status, null, null);
        }

        static Answer retryAfter(int status, String retryAfter) {
            return new Answer(status, retryAfter, null);
        }

        static Answer heldUntil(CountDownLatch hold) {
            return new Answer(200, null, hold);
        }
    }

    /** A request the server received. */
    record Received(String method, String path, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch anyHeld = new CountDownLatch(1);

    Downstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String host) {
        return "http://" + host + ":" + port();
    }

    Downstream answer(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
        return this;
    }

    List<Received> received() {
        return received;
    }

    long requestsTo(String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    /** Waits until a request is being held by a latch answer. */
    boolean awaitHeld() throws InterruptedException {
        return anyHeld.await(10, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            Queue<Answer> script = scripts.get(path);
            Answer answer = script == null ? null : script.poll();
            if (answer == null) {
                answer = Answer.status(200);
            }
            if (answer.hold() != null) {
                anyHeld.countDown();
                answer.hold().await(10, TimeUnit.SECONDS);
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            byte[] body = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
