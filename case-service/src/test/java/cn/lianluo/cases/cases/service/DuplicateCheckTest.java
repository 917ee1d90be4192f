package cn.lianluo.cases.cases.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an address is compared for 重复件: as PostgreSQL's side of the query compares it (plain JUnit). */
class DuplicateCheckTest {

    @Test
    void case_and_every_space_a_keyboard_types_do_not_make_another_address() {
        String typed = DuplicateCheck.normalised("边城镇 茶峒村　3组 Road");
        assertThat(typed).isEqualTo("边城镇茶峒村3组road");
        assertThat(DuplicateCheck.normalised("边城镇茶峒村3组ROAD")).isEqualTo(typed);
    }

    @Test
    void a_blank_address_is_none() {
        assertThat(DuplicateCheck.normalised("  　")).isNull();
        assertThat(DuplicateCheck.normalised(null)).isNull();
    }
}
