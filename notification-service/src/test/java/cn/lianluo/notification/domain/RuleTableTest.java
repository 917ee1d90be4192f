package cn.lianluo.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleTableTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void the_shipped_templates_fit_the_rules() {
        RuleTable.check(RuleTable.RULES, RuleTable.TEMPLATES);
        assertThat(RuleTable.of("lianluo.case.transferred.v1")).extracting(Rule::audience)
                .containsExactly(Audience.UNIT, Audience.PREVIOUS_UNIT);
    }

    @Test
    void a_template_naming_a_variable_the_rule_does_not_give_fails_the_check() {
        Rule rule = new Rule("r", "lianluo.case.received.v1", Audience.CITIZEN, "t", Set.of("trackingCode"), "", f -> true);
        Map<String, Template> templates = Map.of("t", new Template("t", "受理", "查询码{trackingCode}，承办单位{unitName}"));
        assertThatThrownBy(() -> RuleTable.check(List.of(rule), templates))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{unitName}");
        assertThatThrownBy(() -> RuleTable.check(List.of(rule), Map.of()))
                .hasMessageContaining("no template t");
    }

    @Test
    void a_template_fills_in_its_variables() {
        Template t = RuleTable.TEMPLATES.get("citizen-received");
        assertThat(t.variables()).containsExactly("trackingCode");
        assertThat(t.body(Map.of("trackingCode", "LLABCD2345EF"))).contains("查询码LLABCD2345EF").doesNotContain("{");
    }

    @Test
    void the_intake_sms_says_where_to_stop_sms_and_stays_one_sms_under_a_long_sign_name() {
        String body = RuleTable.TEMPLATES.get("citizen-received").body(Map.of("trackingCode", "LLABCD2345EF"));
        // the H5 查进度 page has 不再接收短信 (POST /api/v1/notifications/opt-out with the code and the phone)
        assertThat(body).contains("查进度页").contains("退订短信");
        // one SMS is 70 characters with the 短信签名; a county's sign is about as long as 【花垣县人大常委会】
        assertThat(("【花垣县人大常委会】" + body).length()).isLessThanOrEqualTo(70);
    }

    @Test
    void a_reply_after_a_reopening_has_its_own_words() {
        Map<String, String> again = Map.of("reopenCount", "1");
        assertThat(RuleTable.of("lianluo.case.replied.v1").stream().filter(r -> r.applies(again)).map(Rule::template))
                .containsExactly("citizen-reopened-replied");
    }

    @Test
    void quiet_hours_hold_an_sms_until_eight_unless_urgent() {
        QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), CHINA);
        Instant late = Instant.parse("2026-12-01T15:30:00Z"); // 23:30 China time
        assertThat(quiet.holdUntil(late, false)).contains(Instant.parse("2026-12-02T00:00:00Z"));
        Instant early = Instant.parse("2026-12-01T22:59:00Z"); // 06:59 China time
        assertThat(quiet.holdUntil(early, false)).contains(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(quiet.holdUntil(late, true)).isEmpty();
        assertThat(quiet.holdUntil(Instant.parse("2026-12-01T05:00:00Z"), false)).isEmpty(); // 13:00
        assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, CHINA).holdUntil(late, false)).isEmpty();
    }
}
