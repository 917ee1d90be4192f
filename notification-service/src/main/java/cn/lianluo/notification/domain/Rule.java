package cn.lianluo.notification.domain;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One line of the rule table: on an event of {@code eventType} (and only when {@code when} holds for the event's
 * facts), tell {@code audience} with {@code template}. {@code variables} are the facts the rule gives the template;
 * a template naming any other fails start-up ({@link RuleTable#check}).
 */
public record Rule(String name, String eventType, Audience audience, String template, Set<String> variables,
                   String condition, Predicate<Map<String, String>> when) {

    public boolean applies(Map<String, String> facts) {
        return when.test(facts);
    }
}
