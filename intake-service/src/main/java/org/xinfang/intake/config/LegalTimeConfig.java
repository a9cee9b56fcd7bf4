package org.xinfang.intake.config;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.bson.Document;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.intake.domain.DayKind;
import org.xinfang.intake.domain.LegalRules;
import org.xinfang.intake.domain.LegalStep;
import org.xinfang.intake.domain.LifeCycle;
import org.xinfang.intake.persistence.CalendarStore;
import org.xinfang.intake.persistence.LegalRulesStore;
import org.xinfang.intake.persistence.LegalTimes;

/**
 * Legal time: the default rules from {@code xinfang.intake.limits.*}, the national calendars shipped as data in
 * {@code calendars/national-*.json}, the districts' own rules and calendars in the store, and the life cycle that
 * counts by them.
 */
@Configuration(proxyBeanMethods = false)
class LegalTimeConfig {

    @Bean
    LegalRules defaultLegalRules(LimitSettings s) {
        Map<LegalStep, Integer> days = new EnumMap<>(LegalStep.class);
        days.put(LegalStep.ACCEPT, s.acceptWithinDays());
        days.put(LegalStep.HANDLE, s.handleWithinDays());
        days.put(LegalStep.EXTENSION, s.extensionMaxDays());
        days.put(LegalStep.REVIEW_REQUEST, s.reviewRequestWithinDays());
        days.put(LegalStep.REVIEW_ANSWER, s.reviewAnswerWithinDays());
        days.put(LegalStep.RE_REVIEW_REQUEST, s.reReviewRequestWithinDays());
        days.put(LegalStep.RE_REVIEW_ANSWER, s.reReviewAnswerWithinDays());
        Map<LegalStep, DayKind> kinds = new EnumMap<>(LegalStep.class);
        days.keySet().forEach(step -> kinds.put(step, DayKind.CALENDAR_DAYS));
        // Configuration is checked as an administrator's input is: a wrong value stops the start, naming the field.
        return LegalRules.proposed(null, 0, s.zone(), days, kinds, null, null);
    }

    @Bean
    CalendarStore calendarStore(MongoDatabase database) {
        return new CalendarStore(database.getCollection("calendars", Document.class));
    }

    @Bean
    LegalRulesStore legalRulesStore(MongoDatabase database) {
        return new LegalRulesStore(database.getCollection("legal_rules", Document.class));
    }

    @Bean
    LegalTimes legalTimes(LegalRulesStore rules, CalendarStore calendars, LegalRules defaultLegalRules, Clock clock) {
        return new LegalTimes(rules, calendars, defaultLegalRules, NationalCalendars.shipped(), clock);
    }

    @Bean
    LifeCycle lifeCycle() {
        return new LifeCycle();
    }
}
