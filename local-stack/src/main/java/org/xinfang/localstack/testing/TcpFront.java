package org.xinfang.localstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP address in front of a real server (the token issuer, the store) that a test turns into each way a peer
 * fails: nothing listening (connections refused), listening but silent (connections accepted, bytes never answered,
 * including on connections already open), or passing bytes both ways unchanged. The address stays the same, so the
 * service under test is configured once.
 */
public final class TcpFront implements AutoCloseable {

    private enum Mode { REFUSING, SILENT, FORWARDING }

    private final InetSocketAddress upstream;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.REFUSING;
    private volatile ServerSocket listener;

    private TcpFront(InetSocketAddress upstream) {
        this.upstream = upstream;
        this.port = portBelowEphemeralRange();
    }

    /**
     * A free port the system never hands out on its own (Linux's ephemeral range starts at 32768), so no outgoing
     * connection of this JVM takes it as its local port while the front is not listening.
     */
    private static int portBelowEphemeralRange() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20000 + random.nextInt(12000);
            try (ServerSocket probe = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    /** In front of the host and port of {@code upstream} (a URI such as http://127.0.0.1:9000 or mongodb://…); refusing. */
    public static TcpFront before(String upstream) {
        URI uri = URI.create(upstream);
        return new TcpFront(new InetSocketAddress(uri.getHost(), uri.getPort()));
    }

    public int port() {
        return port;
    }

    /** {@code upstream} with its host and port replaced by this front's. */
    public String address(String upstream) {
        URI uri = URI.create(upstream);
        return upstream.replaceFirst(java.util.regex.Pattern.quote(uri.getHost() + ":" + uri.getPort()),
                "127.0.0.1:" + port);
    }

    /** Nothing listens: connections are refused, and open ones are closed. */
    public synchronized void refuse() {
        mode = Mode.REFUSING;
        closeQuietly(listener);
        listener = null;
        dropOpen();
    }

    /** Connections are accepted and bytes taken, but nothing is ever answered, also on connections already open. */
    public synchronized void stall() {
        mode = Mode.SILENT;
        listen();
    }

    /** Bytes pass both ways; connections held silent until now are dropped, so clients open fresh ones. */
    public synchronized void forward() {
        if (mode == Mode.SILENT) {
            dropOpen();
        }
        mode = Mode.FORWARDING;
        listen();
    }

    @Override
    public synchronized void close() {
        refuse();
    }

    private void listen() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listener = socket;
            daemon("tcp-front-accept-" + port, () -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            open.add(client);
            if (mode == Mode.FORWARDING) {
                connect(client);
            }
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(upstream, 2000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        open.add(server);
        daemon("tcp-front-up-" + port, () -> pipe(client, server));
        daemon("tcp-front-down-" + port, () -> pipe(server, client));
    }

    /** Copies bytes until either side closes; while the front is silent, what is read is dropped, never passed on. */
    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (mode != Mode.FORWARDING) {
                    continue;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void dropOpen() {
        open.forEach(TcpFront::closeQuietly);
        open.clear();
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
