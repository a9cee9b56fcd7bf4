package org.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A browser or a pooled client sends request after request on one kept-alive HTTP/1.1 connection. Every service and
 * the gateway must answer each of them: before the kit's {@code KeptAliveReading}, 2–8 % of such connections to the
 * gateway and the services stopped being read after a few requests, and the client waited for ever.
 */
@Order(3)
class KeptAliveConnectionsIT {

    private static final String[] PORTS =
            {"GATEWAY_PORT", "INTAKE_PORT", "ROUTING_PORT", "NOTIFICATION_PORT", "REPORTING_PORT"};
    private static final int CONNECTIONS = 60;
    private static final int REQUESTS_EACH = 4;
    private static final byte[] HEALTH = "GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private static LocalStack stack;

    @BeforeAll
    static void theSuiteIsUp() {
        stack = SharedStack.up();
    }

    @Test
    void everyRequestOnAKeptAliveConnectionIsAnswered() throws IOException {
        Map<String, Integer> stalled = new LinkedHashMap<>();
        for (String port : PORTS) {
            int number = Integer.parseInt(stack.port(port));
            int count = 0;
            for (int i = 0; i < CONNECTIONS; i++) {
                if (answeredOnOneConnection(number) < REQUESTS_EACH) {
                    count++;
                }
            }
            stalled.put(port, count);
        }
        assertThat(stalled).as("connections that stopped answering, of %d per port", CONNECTIONS)
                .allSatisfy((port, count) -> assertThat(count).as(port).isZero());
    }

    /** Sends the next request as soon as the previous answer is complete, as a kept-alive client does. */
    private static int answeredOnOneConnection(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            int answered = 0;
            try {
                for (; answered < REQUESTS_EACH; answered++) {
                    socket.getOutputStream().write(HEALTH);
                    if (!readOneAnswer(in)) {
                        break;
                    }
                }
            } catch (SocketTimeoutException stalled) {
                // the connection stopped answering: counted by the caller
            }
            return answered;
        }
    }

    /** Reads one answer with a Content-Length body; false when the server closed the connection instead. */
    private static boolean readOneAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.append((char) b);
        }
        long length = head.toString().lines()
                .filter(line -> line.regionMatches(true, 0, "content-length:", 0, 15))
                .mapToLong(line -> Long.parseLong(line.substring(15).trim())).findFirst()
                .orElseThrow(() -> new AssertionError("an answer without Content-Length:\n" + head));
        return in.readNBytes((int) length).length == length;
    }
}
