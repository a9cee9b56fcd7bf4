package org.xinfang.contracts.event;

import java.util.Set;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;

/**
 * What a person alerted about a petition must know to act, and nothing about who petitioned: the number people say
 * on the phone, the school's name, the place, how many came, how and with which risk signals. Routing copies it from
 * the received petition into its decision, so that notification never needs intake's data.
 *
 * @param number the petition number (e.g. 东区一小〔2026〕17号); absent for petitions registered before numbers
 */
public record Situation(
        @OptionalField String number,
        @OptionalField String schoolName,
        Channel channel,
        Form form,
        Integer headcount,
        @OptionalField String place,
        @OptionalField Set<RiskSignal> riskSignals) {

    public Situation {
        Required.present(channel, "situation.channel");
        Required.present(form, "situation.form");
        Required.present(headcount, "situation.headcount");
        riskSignals = riskSignals == null ? Set.of() : Set.copyOf(riskSignals);
    }

    /**
     * The situation of a received petition as routing passes it on: the signals are those it decided on (the clerk's
     * and those it read in the text), so the police read 打砸抢烧 when that is why they are called.
     */
    public static Situation of(PetitionReceived received, Set<RiskSignal> decidedSignals) {
        return new Situation(received.number(), received.schoolName(), received.channel(), received.form(),
                received.headcount(), received.place(), decidedSignals);
    }

    /** The same situation after an escalation: more people, more signals; never fewer. */
    public Situation escalated(int newHeadcount, Set<RiskSignal> moreSignals) {
        java.util.Set<RiskSignal> all = new java.util.HashSet<>(riskSignals);
        all.addAll(moreSignals);
        return new Situation(number, schoolName, channel, form, Math.max(headcount, newHeadcount), place, all);
    }
}
