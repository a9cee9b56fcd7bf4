package org.xinfang.reporting.web;

import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whether a caller asked for CSV on an endpoint that also answers JSON: only when {@code text/csv} is named in
 * {@code Accept} and preferred to JSON. A caller that names nothing, or accepts anything ({@code * / *}, curl's default),
 * keeps getting JSON, as it did before CSV was offered. Decided here rather than by two mappings with different
 * {@code produces}, because Spring ranks a {@code text/csv} mapping above one without {@code produces} for
 * {@code Accept: * / *}, which would turn every such client's JSON into CSV.
 */
final class CsvNegotiation {

    private CsvNegotiation() {
    }

    static boolean wanted(ServerWebExchange exchange) {
        List<MediaType> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAccept();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        int csv = -1;
        int json = -1;
        for (int i = 0; i < accepted.size(); i++) {
            MediaType type = accepted.get(i);
            if (type.getQualityValue() <= 0) {
                continue;
            }
            if (csv < 0 && type.getType().equals("text") && type.getSubtype().equals("csv")) {
                csv = i;
            }
            if (json < 0 && !type.isWildcardSubtype() && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
                json = i;
            }
        }
        if (csv < 0) {
            return false;
        }
        if (json < 0) {
            return true;
        }
        double csvQ = accepted.get(csv).getQualityValue();
        double jsonQ = accepted.get(json).getQualityValue();
        return csvQ > jsonQ || (csvQ == jsonQ && csv < json);
    }
}
