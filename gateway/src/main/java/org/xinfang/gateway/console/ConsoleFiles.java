package org.xinfang.gateway.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * The console's built files, read once when the gateway starts and answered from memory, each with its gzipped form.
 *
 * <p>Why not read them from the class path per request: the files sit in a jar nested in the gateway's own jar, and
 * reading such entries from several threads at once, while classes still load from the same jar, is a known source of
 * stalls in the nested-jar loader (a page whose script never arrives stays empty); each read also blocks the event
 * loop. The whole console is well under a megabyte, and a file answered from memory costs the event loop nothing.
 */
final class ConsoleFiles {

    /** One file as it goes out: its bytes, the same gzipped (when that is smaller), its media type. */
    record File(byte[] body, byte[] gzipped, MediaType type) {

        boolean hasGzipped() {
            return gzipped != null;
        }
    }

    private final Map<String, File> files;

    private ConsoleFiles(Map<String, File> files) {
        this.files = Map.copyOf(files);
    }

    /** Every file under {@code root} on the class path, by its path below it ({@code assets/index-….js}). */
    static ConsoleFiles load(String root) {
        Map<String, File> files = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + root + "**")) {
                String url = resource.getURL().toString();
                int at = url.lastIndexOf(root);
                String path = at < 0 ? "" : url.substring(at + root.length());
                if (path.isEmpty() || path.endsWith("/") || !resource.isReadable()) {
                    continue; // a folder
                }
                byte[] body;
                try (InputStream in = resource.getInputStream()) {
                    body = in.readAllBytes();
                }
                MediaType type = MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM);
                files.put(path, new File(body, smallerGzipped(body), type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the console's files could not be read from " + root, e);
        }
        return new ConsoleFiles(files);
    }

    Optional<File> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    int size() {
        return files.size();
    }

    private static byte[] smallerGzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        // Images and tiny files may not shrink: then they go out as they are.
        return out.size() < body.length ? out.toByteArray() : null;
    }
}
