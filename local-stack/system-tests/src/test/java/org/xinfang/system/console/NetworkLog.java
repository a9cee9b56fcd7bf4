package org.xinfang.system.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads Chromium's network events (the driver's performance log) to say which requests of the current page never got
 * an answer, or never finished: what a person would find in the browser's network panel when a page stays empty.
 */
final class NetworkLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Requests by id, in the order sent, with what became of them. */
    private final Map<String, String> requests = new LinkedHashMap<>();

    /** Drops what earlier pages left, so a report speaks of the page being waited for. */
    void forget(WebDriver driver) {
        read(driver);
        requests.clear();
    }

    String unanswered(WebDriver driver) {
        try {
            read(driver);
        } catch (RuntimeException e) {
            return "network log unreadable: " + e.getMessage();
        }
        String pending = requests.values().stream().filter(r -> !r.endsWith(" done"))
                .collect(Collectors.joining("; "));
        return pending.isEmpty() ? "no request unanswered (" + requests.size() + " made)"
                : "unanswered or unfinished: " + pending;
    }

    private void read(WebDriver driver) {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asString("");
            JsonNode params = message.path("params");
            String id = params.path("requestId").asString("");
            switch (method) {
                case "Network.requestWillBeSent" -> requests.put(id, params.path("request").path("method").asString()
                        + " " + params.path("request").path("url").asString() + " sent");
                case "Network.responseReceived" -> requests.computeIfPresent(id, (k, r) -> r.replace(" sent",
                        " answered " + params.path("response").path("status").asInt()));
                case "Network.loadingFinished" -> requests.computeIfPresent(id, (k, r) -> r + " done");
                case "Network.loadingFailed" -> requests.computeIfPresent(id, (k, r) -> r + " failed: "
                        + params.path("errorText").asString() + " done");
                default -> { }
            }
        }
    }
}
