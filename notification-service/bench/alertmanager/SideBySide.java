package org.xinfang.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.topic.Topics;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Subject;
import tools.jackson.databind.JsonNode;

/**
 * The side-by-side benchmark's one process: the webhook receiver both systems deliver to and the two load generators.
 * Only the contact set-up call needs a token: a district administrator's, from the issuer the service trusts. Sending and receiving in
 * one JVM means every latency is the difference of two readings of the same monotonic clock.
 *
 * <p>Per event: notification-service gets a CRITICAL {@code PetitionRouted} on its Kafka topic (clock read just before
 * {@code producer.send}); Alertmanager gets one alert by {@code POST /api/v2/alerts} (clock read just before the request
 * starts). Latency ends when the receiver's handler is entered for the webhook naming that petition.
 *
 * <p>Run by {@code run.sh}, which starts and stops the broker, the store, the service and Alertmanager. Settings are
 * system properties {@code bench.*}, read in {@link Settings#read()}.
 */
public final class SideBySide {

    private static final Logger log = LoggerFactory.getLogger(SideBySide.class);
    private static final String DISTRICT = "d-east";
    static final String NOTIFICATION = "notification-service";
    static final String ALERTMANAGER = "alertmanager";

    private SideBySide() {
    }

    record Settings(int rate, int seconds, int warmup, int drain, boolean concurrent, String kafka, URI notification,
                    URI alertmanager, int receiverPort, Path out, String token, String secret,
                    Path pidsFile, String alertmanagerVersion) {

        static Settings read() {
            String mode = System.getProperty("bench.mode", "concurrent");
            if (!mode.equals("concurrent") && !mode.equals("sequential")) {
                throw new IllegalArgumentException("bench.mode must be concurrent or sequential, not " + mode);
            }
            return new Settings(Integer.getInteger("bench.rate", 200), Integer.getInteger("bench.seconds", 20),
                    Integer.getInteger("bench.warmup", 5), Integer.getInteger("bench.drain", 120),
                    mode.equals("concurrent"), required("bench.kafka"), URI.create(required("bench.notification")),
                    URI.create(required("bench.alertmanager")), Integer.parseInt(required("bench.receiverPort")),
                    Path.of(required("bench.out")), required("bench.token"),
                    System.getProperty("bench.secret", "bench-webhook-secret"), Path.of(required("bench.pidsFile")),
                    System.getProperty("bench.alertmanagerVersion", "?"));
        }

        /**
         * The processes whose CPU time counts for a system, written by run.sh once it has started them, one line
         * each: {@code notification-service kafka 1234}. Process name to pid, in the file's order.
         */
        Map<String, Long> processesOf(String system) {
            Map<String, Long> processes = new LinkedHashMap<>();
            try {
                for (String line : Files.readAllLines(pidsFile)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length == 3 && parts[0].equals(system)) {
                        processes.put(parts[1], Long.parseLong(parts[2]));
                    }
                }
            } catch (IOException e) {
                log.warn("no process list at {}: CPU time not reported", pidsFile);
            }
            return processes;
        }

        private static String required(String name) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("system property " + name + " is required");
            }
            return value;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.read();
        Receiver receiver = Receiver.start(settings.receiverPort(), settings.secret().getBytes(StandardCharsets.UTF_8));
        int code = 1;
        try {
            code = run(settings, receiver);
        } finally {
            receiver.stop();
        }
        System.exit(code);
    }

    private static int run(Settings settings, Receiver receiver) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        awaitUp(http, settings.notification().resolve("/actuator/health"), "\"status\":\"UP\"", Duration.ofSeconds(240));
        awaitUp(http, settings.alertmanager().resolve("/-/ready"), "", Duration.ofSeconds(60));

        String school = "s-bench-" + System.currentTimeMillis();
        configureWebhookContact(http, settings, school).ifPresent(receiver::trust);

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(Topics.PETITION_ROUTED.name());
            Load notification = new KafkaLoad(NOTIFICATION, producer, school, settings.processesOf(NOTIFICATION));
            Load alertmanager = new AlertmanagerLoad(ALERTMANAGER, http, settings.alertmanager(), school,
                    settings.processesOf(ALERTMANAGER));
            receiver.track(notification);
            receiver.track(alertmanager);

            // One event each, delivered, before the clock starts: the consumer has its partitions, the routes are live.
            for (Load load : List.of(notification, alertmanager)) {
                String id = load.sendOne(false);
                await(load.name + " primed", Duration.ofSeconds(120), () -> load.received.containsKey(id));
                log.info("{} primed: first event delivered", load.name);
            }

            // Warm-up at the full rate (the JIT compiles the hot paths), then its backlog drains, so the measured
            // window starts warm and with empty queues; then the measured load, then its drain.
            Instant began = Instant.now();
            List<String> loadAverages = new ArrayList<>();
            List<List<Load>> rounds = settings.concurrent() ? List.of(List.of(notification, alertmanager))
                    : List.of(List.of(notification), List.of(alertmanager));
            for (List<Load> round : rounds) {
                phase(settings, round, settings.warmup(), false);
                loadAverages.add(loadAverage());
                round.forEach(Load::beginMeasuring);
                phase(settings, round, settings.seconds(), true);
                round.forEach(Load::endMeasuring);
                loadAverages.add(loadAverage());
            }
            String report = Report.table(settings, List.of(notification, alertmanager), began, loadAverages, receiver)
                    + serviceStages(http, settings.notification());
            Files.createDirectories(settings.out());
            String stamp = began.toString().replace(":", "").replaceAll("\\..*", "");
            Files.writeString(settings.out().resolve("results-" + stamp + ".txt"), report);
            Files.writeString(settings.out().resolve("results.txt"), report);
            Files.writeString(settings.out().resolve("latencies-" + stamp + ".csv"),
                    Report.csv(List.of(notification, alertmanager)));
            log.info("side-by-side results (also in {}):\n{}", settings.out().resolve("results.txt"), report);
            return notification.measuredDelivered() > 0 && alertmanager.measuredDelivered() > 0 ? 0 : 2;
        }
    }

    /** Every load of the round sends {@code seconds} worth of events at the same moments, then its backlog drains. */
    private static void phase(Settings settings, List<Load> round, int seconds, boolean measured) throws InterruptedException {
        List<Thread> pacers = new ArrayList<>();
        for (Load load : round) {
            pacers.add(load.start(settings.rate(), settings.rate() * seconds, measured));
        }
        for (Thread pacer : pacers) {
            pacer.join();
        }
        Instant end = Instant.now().plusSeconds(settings.drain());
        while (Instant.now().isBefore(end) && round.stream().anyMatch(l -> l.received.size() < l.sent.size())) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        for (Load load : round) {
            if (load.received.size() < load.sent.size()) {
                log.warn("{}: {} of {} events still undelivered after the {} s drain", load.name,
                        load.sent.size() - load.received.size(), load.sent.size(), settings.drain());
            }
        }
    }

    /** Sets the school's police contact to a webhook on the receiver, as an administrator would. */
    private static java.util.Optional<String> configureWebhookContact(HttpClient http, Settings settings, String school)
            throws IOException, InterruptedException {
        String body = "{\"role\":\"POLICE\",\"name\":\"派出所值班\",\"webhookUrl\":\"http://127.0.0.1:"
                + settings.receiverPort() + Receiver.NOTIFICATION_PATH + "\"}";
        // The bearer token is for a service that takes tenancy from tokens (with ?school=); the X- headers are for one
        // that still takes it from headers. Each ignores what it does not use.
        HttpRequest request = HttpRequest.newBuilder(settings.notification().resolve("/api/v1/contacts/police?school=" + school))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.token())
                .header("X-District", DISTRICT).header("X-School", school)
                .header("X-User-Id", "bench-admin").header("X-Role", "ADMINISTRATOR")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("setting the webhook contact failed: " + answer.statusCode() + " " + answer.body());
        }
        log.info("school {}: police contact delivers by webhook to the receiver", school);
        // A service that makes each contact's own secret answers it once; the receiver verifies with it.
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("\"signingSecret\":\"([0-9a-f]+)\"")
                .matcher(answer.body());
        return secret.find() ? java.util.Optional.of(secret.group(1)) : java.util.Optional.empty();
    }

    /**
     * The service's own time per stage of a routed event ({@code xinfang.notification.routed.stage}, warm-up included),
     * from its Prometheus endpoint: where its share of the latency goes. Empty when the service has no such timer.
     */
    private static String serviceStages(HttpClient http, URI notification) {
        Map<String, double[]> stages = new LinkedHashMap<>();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(notification.resolve("/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                    "^xinfang_notification_routed_stage_seconds_(sum|count)\\{.*stage=\"([a-z]+)\".*\\} ([0-9.eE+-]+)$");
            for (String text : answer.body().split("\n")) {
                java.util.regex.Matcher m = line.matcher(text);
                if (m.matches()) {
                    double[] sumCount = stages.computeIfAbsent(m.group(2), k -> new double[2]);
                    sumCount[m.group(1).equals("sum") ? 0 : 1] = Double.parseDouble(m.group(3));
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("no stage timings from the service: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stages.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("notification-service's own time per routed event (mean, warm-up included):");
        stages.forEach((stage, sc) -> out.append(String.format(Locale.ROOT, " %s %.1f ms (%d);", stage,
                sc[1] == 0 ? 0 : sc[0] * 1000 / sc[1], (long) sc[1])));
        return out.append(String.format(Locale.ROOT, "%n")).toString();
    }

    private static void awaitUp(HttpClient http, URI uri, String marker, Duration bound) {
        await(uri + " up", bound, () -> {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return answer.statusCode() == 200 && answer.body().contains(marker);
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    static void await(String what, Duration bound, BooleanSupplier condition) {
        Instant end = Instant.now().plus(bound);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("not within " + bound + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** User + system CPU time of each process in milliseconds, from /proc/PID/stat (clock ticks of 10 ms); -1 if gone. */
    static Map<String, Long> cpuMillis(Map<String, Long> processes) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        processes.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // After the command: state is field 3, utime field 14, stime field 15 (1-based, man 5 proc).
                cpu.put(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10);
            } catch (IOException | RuntimeException e) {
                cpu.put(name, -1L);
            }
        });
        return cpu;
    }

    /** One system under load: what was sent when, what the receiver got when. Times are System.nanoTime(). */
    abstract static class Load {
        final String name;
        final Map<String, Long> processes;
        Map<String, Long> cpuAtStart = Map.of();
        Map<String, Long> cpuAtEnd = Map.of();
        final Map<String, Sent> sent = new ConcurrentHashMap<>();
        final Map<String, Long> received = new ConcurrentHashMap<>();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong submitErrors = new AtomicLong();
        final AtomicLong badSignatures = new AtomicLong();
        volatile long maxPacerLagNanos;
        volatile long firstMeasuredSend = Long.MAX_VALUE;

        record Sent(long at, boolean measured) {
        }

        Load(String name, Map<String, Long> processes) {
            this.name = name;
            this.processes = processes;
        }

        void beginMeasuring() {
            cpuAtStart = cpuMillis(processes);
        }

        void endMeasuring() {
            cpuAtEnd = cpuMillis(processes);
        }

        /** CPU milliseconds each process spent from the first measured send to the end of the measured drain. */
        Map<String, Long> cpuSpent() {
            Map<String, Long> spent = new LinkedHashMap<>();
            cpuAtEnd.forEach((process, end) -> {
                Long start = cpuAtStart.get(process);
                if (start != null && start >= 0 && end >= 0) {
                    spent.put(process, end - start);
                }
            });
            return spent;
        }

        /** Hands the event to the system; must not wait for the answer. */
        abstract void submit(String petitionId, Runnable clockRead) throws Exception;

        String sendOne(boolean measured) {
            String id = "p-" + UUID.randomUUID();
            try {
                submit(id, () -> sent.put(id, new Sent(System.nanoTime(), measured)));
            } catch (Exception e) {
                submitErrors.incrementAndGet();
                log.warn("{}: submitting {} failed: {}", name, id, e.toString());
            }
            return id;
        }

        /** Sends {@code total} events at a fixed rate, each at its due time (no bursts to catch up silently). */
        Thread start(int rate, int total, boolean measured) {
            Thread pacer = new Thread(() -> {
                long period = 1_000_000_000L / rate;
                long start = System.nanoTime();
                if (measured) {
                    firstMeasuredSend = start;
                }
                for (int i = 0; i < total; i++) {
                    long due = start + i * period;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (measured) {
                        maxPacerLagNanos = Math.max(maxPacerLagNanos, System.nanoTime() - due);
                    }
                    sendOne(measured);
                }
            }, "load-" + name);
            pacer.start();
            return pacer;
        }

        void receivedAt(String petitionId, long at) {
            if (received.putIfAbsent(petitionId, at) != null) {
                duplicates.incrementAndGet();
            }
        }

        /** Latency of each measured event in nanoseconds; Long.MAX_VALUE for one never delivered. */
        long[] measuredLatencies() {
            return sent.entrySet().stream().filter(e -> e.getValue().measured()).mapToLong(e -> {
                Long got = received.get(e.getKey());
                return got == null ? Long.MAX_VALUE : got - e.getValue().at();
            }).sorted().toArray();
        }

        long measuredDelivered() {
            return Arrays.stream(measuredLatencies()).filter(l -> l != Long.MAX_VALUE).count();
        }
    }

    /** A routed CRITICAL petition on the topic notification-service consumes, exactly as routing-service writes it. */
    static final class KafkaLoad extends Load {
        private final KafkaProducer<String, byte[]> producer;
        private final String school;

        KafkaLoad(String name, KafkaProducer<String, byte[]> producer, String school, Map<String, Long> processes) {
            super(name, processes);
            this.producer = producer;
            this.school = school;
        }

        @Override
        void submit(String petitionId, Runnable clockRead) {
            Instant now = Instant.now();
            PetitionRouted event = new PetitionRouted(
                    EventMeta.forPetition(PetitionRouted.class, DISTRICT, school, petitionId, now),
                    UUID.randomUUID().toString(), Subject.HYGIENE, "后勤处", List.of(), EmergencyLevel.CRITICAL,
                    List.of("benchmark"), "benchmark-rules", new Deadlines(now.plus(Duration.ofDays(15)), 60, 30));
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(Topics.PETITION_ROUTED.name(), petitionId, EventJson.write(event));
            clockRead.run();
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    submitErrors.incrementAndGet();
                }
            });
        }
    }

    /** One firing alert per event through Alertmanager's v2 API; each petition id is its own group (group_by: ['...']). */
    static final class AlertmanagerLoad extends Load {
        private final HttpClient http;
        private final URI alerts;
        private final String school;

        AlertmanagerLoad(String name, HttpClient http, URI alertmanager, String school, Map<String, Long> processes) {
            super(name, processes);
            this.http = http;
            this.alerts = alertmanager.resolve("/api/v2/alerts");
            this.school = school;
        }

        @Override
        void submit(String petitionId, Runnable clockRead) {
            String body = "[{\"labels\":{\"alertname\":\"PetitionCritical\",\"severity\":\"critical\",\"district\":\""
                    + DISTRICT + "\",\"school\":\"" + school + "\",\"petition_id\":\"" + petitionId
                    + "\",\"recipient\":\"police\"},\"annotations\":{\"summary\":\"critical petition " + petitionId
                    + "\"},\"startsAt\":\"" + Instant.now() + "\"}]";
            HttpRequest request = HttpRequest.newBuilder(alerts).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            clockRead.run();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                if (failure != null || answer.statusCode() / 100 != 2) {
                    submitErrors.incrementAndGet();
                }
            });
        }
    }

    /**
     * The local webhook receiver both systems post to: notification-service's signed alert at {@value #NOTIFICATION_PATH},
     * Alertmanager's webhook_config at {@value #ALERTMANAGER_PATH}. The clock is read on entering the handler, before
     * the body is read; the answer (200) goes out before parsing, so neither sender waits on the bookkeeping.
     */
    static final class Receiver {
        static final String NOTIFICATION_PATH = "/notification";
        static final String ALERTMANAGER_PATH = "/alertmanager";

        private final HttpServer server;
        private final ExecutorService workers;
        /** The shared secret, and each contact's own as the service hands them out. */
        private final List<byte[]> secrets = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Map<String, Load> loads = new ConcurrentHashMap<>();
        final AtomicLong unreadable = new AtomicLong();

        private Receiver(HttpServer server, ExecutorService workers, byte[] secret) {
            this.server = server;
            this.workers = workers;
            this.secrets.add(secret);
        }

        void trust(String secret) {
            secrets.add(secret.getBytes(StandardCharsets.UTF_8));
        }

        static Receiver start(int port, byte[] secret) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            ExecutorService workers = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "receiver");
                t.setDaemon(true);
                return t;
            });
            Receiver receiver = new Receiver(server, workers, secret);
            server.createContext(NOTIFICATION_PATH, receiver::notification);
            server.createContext(ALERTMANAGER_PATH, receiver::alertmanager);
            server.setExecutor(workers);
            server.start();
            log.info("receiver listening on 127.0.0.1:{}", port);
            return receiver;
        }

        void track(Load load) {
            loads.put(load.name, load);
        }

        void stop() {
            server.stop(0);
            workers.shutdownNow();
        }

        private void notification(HttpExchange exchange) throws IOException {
            long at = System.nanoTime();
            byte[] body = answer(exchange);
            Load load = loads.get(NOTIFICATION);
            try {
                JsonNode alert = EventJson.mapper().readTree(body);
                String timestamp = exchange.getRequestHeaders().getFirst("X-Xinfang-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("X-Xinfang-Signature");
                if (load == null) {
                    return;
                }
                if (signature == null || timestamp == null || secrets.stream().noneMatch(secret -> MessageDigest.isEqual(
                        ("sha256=" + sign(secret, timestamp, body)).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII)))) {
                    load.badSignatures.incrementAndGet();
                }
                load.receivedAt(alert.get("petitionId").asString(), at);
            } catch (RuntimeException e) {
                unreadable.incrementAndGet();
            }
        }

        private void alertmanager(HttpExchange exchange) throws IOException {
            long at = System.nanoTime();
            byte[] body = answer(exchange);
            Load load = loads.get(ALERTMANAGER);
            try {
                JsonNode message = EventJson.mapper().readTree(body);
                if (load == null) {
                    return;
                }
                for (JsonNode alert : message.get("alerts")) {
                    load.receivedAt(alert.get("labels").get("petition_id").asString(), at);
                }
            } catch (RuntimeException e) {
                unreadable.incrementAndGet();
            }
        }

        private static byte[] answer(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return body;
        }

        private static String sign(byte[] secret, String timestamp, byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(mac.doFinal(body));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        }
    }

    /** The results table and the raw latencies. */
    static final class Report {
        private Report() {
        }

        static String table(Settings s, List<Load> loads, Instant began, List<String> loadAverages, Receiver receiver) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "side-by-side webhook latency, started %s, mode %s%n", began,
                    s.concurrent() ? "concurrent (both loads at the same moments)" : "sequential (notification-service, then alertmanager)"));
            out.append(String.format(Locale.ROOT, "offered %d events/s to each system: %d s warm-up (not counted, its backlog "
                    + "drained first), then %d s measured; drain bound %d s%n", s.rate(), s.warmup(), s.seconds(), s.drain()));
            out.append(String.format(Locale.ROOT, "latency: event handed over (Kafka send / POST /api/v2/alerts start) -> "
                    + "webhook received by the shared receiver; lost = not received within the drain%n"));
            out.append(String.format(Locale.ROOT, "load average (1/5/15 min) after each warm-up and after each measured "
                    + "phase: %s; %d cores%n", String.join(" | ", loadAverages), Runtime.getRuntime().availableProcessors()));
            String row = "| %-44s | %6s | %9s | %4s | %4s | %8s | %8s | %8s | %8s | %12s |%n";
            out.append(String.format(Locale.ROOT, "%n" + row, "system", "sent", "delivered", "lost", "dup",
                    "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU ms/event"));
            out.append(String.format(Locale.ROOT, row, "-".repeat(44), "-----:", "--------:", "---:", "---:",
                    "-------:", "-------:", "-------:", "-------:", "-----------:"));
            for (Load load : loads) {
                long[] latencies = load.measuredLatencies();
                long delivered = Arrays.stream(latencies).filter(l -> l != Long.MAX_VALUE).count();
                long cpu = load.cpuSpent().values().stream().mapToLong(Long::longValue).sum();
                String label = load.name.equals(NOTIFICATION) ? "notification-service (Kafka -> webhook)"
                        : "alertmanager " + s.alertmanagerVersion() + " (v2 API -> webhook)";
                out.append(String.format(Locale.ROOT, row, label, latencies.length, delivered,
                        latencies.length - delivered, load.duplicates.get(), pct(latencies, 50), pct(latencies, 95),
                        pct(latencies, 99), pct(latencies, 100), load.cpuSpent().isEmpty() || delivered == 0 ? "?"
                                : String.format(Locale.ROOT, "%.2f", cpu / (double) delivered)));
            }
            out.append(String.format(Locale.ROOT, "%n"));
            for (Load load : loads) {
                long[] latencies = load.measuredLatencies();
                long last = load.sent.entrySet().stream().filter(e -> e.getValue().measured())
                        .map(e -> load.received.get(e.getKey())).filter(java.util.Objects::nonNull)
                        .mapToLong(Long::longValue).max().orElse(load.firstMeasuredSend);
                double seconds = (last - load.firstMeasuredSend) / 1e9;
                StringBuilder cpu = new StringBuilder();
                load.cpuSpent().forEach((process, ms) -> cpu.append(cpu.isEmpty() ? "" : ", ")
                        .append(process).append(' ').append(String.format(Locale.ROOT, "%.1f", ms / 1000.0)));
                out.append(String.format(Locale.ROOT,
                        "%s: delivered %.1f/s (measured deliveries over %.1f s from the first measured send to the last "
                                + "delivery); submit errors %d; bad signatures %d; pacer max lag %.1f ms; "
                                + "CPU s in the measured phase: %s%n",
                        load.name, load.measuredDelivered() / Math.max(seconds, 0.001), seconds,
                        load.submitErrors.get(), load.badSignatures.get(), load.maxPacerLagNanos / 1e6,
                        cpu.isEmpty() ? "?" : cpu));
            }
            out.append(String.format(Locale.ROOT, "unreadable webhook bodies: %d%n", receiver.unreadable.get()));
            return out.toString();
        }

        /** Nearest-rank percentile in milliseconds; "lost" when it falls on an event never delivered. */
        static String pct(long[] sorted, int percentile) {
            if (sorted.length == 0) {
                return "-";
            }
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            long value = sorted[Math.max(0, Math.min(index, sorted.length - 1))];
            return value == Long.MAX_VALUE ? "lost" : String.format(Locale.ROOT, "%.1f", value / 1e6);
        }

        static String csv(List<Load> loads) {
            StringBuilder out = new StringBuilder("system,petition_id,measured,sent_ns,latency_ms\n");
            for (Load load : loads) {
                load.sent.forEach((id, sent) -> {
                    Long got = load.received.get(id);
                    out.append(load.name).append(',').append(id).append(',').append(sent.measured()).append(',')
                            .append(sent.at()).append(',')
                            .append(got == null ? "" : String.format(Locale.ROOT, "%.3f", (got - sent.at()) / 1e6))
                            .append('\n');
                });
            }
            return out.toString();
        }
    }
}
