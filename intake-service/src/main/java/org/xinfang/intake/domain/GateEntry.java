package org.xinfang.intake.domain;

import java.time.Instant;
import org.xinfang.contracts.vocabulary.Channel;

/**
 * One line of the duty officer's and gate's register (值班、门卫来人登记): someone came or called. The visitor's name
 * and phone are identity, stored sealed and never logged. A line can become a petition once; {@code petitionId}
 * then names it.
 */
public record GateEntry(String id, String district, String school, Kind kind, String visitorName, String phone,
                        int headcount, String purpose, Instant arrivedAt, Instant loggedAt, String loggedBy,
                        String petitionId) {

    public enum Kind {
        VISIT(Channel.VISIT),
        CALL(Channel.PHONE);

        private final Channel channel;

        Kind(Channel channel) {
            this.channel = channel;
        }

        /** The channel a petition made from this kind of entry arrived by. */
        public Channel channel() {
            return channel;
        }
    }

    @Override
    public String toString() {
        return "GateEntry[" + id + ", " + kind + ", headcount " + headcount + "]";
    }
}
