package org.xinfang.system.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo people's passwords and the demo clients' secrets, read from the issuer's demo files, the only places they
 * are written; and a client's bearer token from the issuer, for what a test does through the API beside the browser.
 */
final class DemoPeople {

    private static final Path USERS = Path.of("../issuer/src/main/resources/demo-users.yml");
    private static final Path CLIENTS = Path.of("../issuer/src/main/resources/demo-clients.yml");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private DemoPeople() {
    }

    static String passwordOf(String user) {
        return valueOf(USERS, user, "password");
    }

    /** A bearer token of the demo client {@code client} (client credentials at the local issuer). */
    static String tokenOf(String client, String issuerPort) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + valueOf(CLIENTS, client, "secret"))
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + issuerPort + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(answer.body());
            if (answer.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("the issuer refused " + client + ": " + answer.statusCode());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String valueOf(Path file, String id, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).equals("      " + id + ":")) {
                    for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("        "); j++) {
                        String line = lines.get(j).trim();
                        if (line.startsWith(key + ":")) {
                            return line.substring(key.length() + 1).trim().replace("\"", "");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no demo " + id + " with a " + key + " in " + file);
    }
}
