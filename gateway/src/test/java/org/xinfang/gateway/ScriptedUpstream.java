package org.xinfang.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP/1.1 upstream on raw sockets whose next answers are scripted: it reads each request whole (head and
 * body), then either answers 200 with a JSON note of the body's size, or closes the connection without a word, as a
 * service does when it is killed or restarted mid-request. Without a script it answers.
 */
final class ScriptedUpstream implements AutoCloseable {

    enum Move { ANSWER, CLOSE }

    /** What reached the upstream: the request line, the headers in lower case, and the body. */
    record Received(String requestLine, List<String> headers, byte[] body) {
        boolean hasHeader(String prefix) {
            return headers.stream().anyMatch(h -> h.startsWith(prefix.toLowerCase(Locale.ROOT)));
        }
    }

    private final ServerSocket server;
    private final Queue<Move> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ScriptedUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "scripted-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void then(Move... moves) {
        script.addAll(List.of(moves));
    }

    List<Received> received() {
        return received;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "scripted-upstream-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                List<String> lines = List.of(head.split("\r\n"));
                List<String> headers = lines.subList(1, lines.size()).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
                int length = headers.stream().filter(h -> h.startsWith("content-length:"))
                        .map(h -> Integer.parseInt(h.substring(15).trim())).findFirst().orElse(0);
                byte[] body = in.readNBytes(length);
                received.add(new Received(lines.get(0), headers, body));
                Move move = script.poll();
                if (move == Move.CLOSE) {
                    // Gone without an answer: what a killed or restarting service leaves its callers.
                    socket.setSoLinger(true, 0);
                    return;
                }
                byte[] json = ("{\"bodyBytes\":" + body.length + "}").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(json);
                out.flush();
            }
        } catch (SocketException gone) {
            // The gateway closed its end.
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
