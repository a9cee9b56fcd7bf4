package org.xinfang.intake.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where the next page starts: the sort key and id of the last item returned, opaque to clients. */
public record PageCursor(Instant key, String id) {

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key.toEpochMilli() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty if the text is not a cursor this service made. */
    public static Optional<PageCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2 || !ID.matcher(parts[1]).matches()) {
                return Optional.empty();
            }
            return Optional.of(new PageCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
