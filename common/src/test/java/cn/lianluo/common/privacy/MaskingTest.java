package cn.lianluo.common.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void a_mobile_number_keeps_its_first_three_and_last_four_digits() {
        assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(Masking.phone(" 0744-5321234 ")).isEqualTo("074****1234");
    }

    @Test
    void a_short_number_keeps_only_its_last_two_digits() {
        assertThat(Masking.phone("12345")).isEqualTo("***45");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void a_name_keeps_its_family_name_even_outside_the_basic_plane() {
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
        assertThat(Masking.name("李")).isEqualTo("李*");
        assertThat(Masking.name("𠀀一")).isEqualTo("𠀀*");
    }

    @Test
    void an_email_keeps_its_first_character_and_its_domain() {
        assertThat(Masking.email("zhang@example.cn")).isEqualTo("z***@example.cn");
        assertThat(Masking.email("@example.cn")).isEqualTo("***");
        assertThat(Masking.email(null)).isNull();
    }

    @Test
    void any_other_value_keeps_only_its_ends_and_a_short_one_nothing() {
        assertThat(Masking.secret("LLABCDEFGH23")).isEqualTo("L**********3");
        assertThat(Masking.secret("张三丰先生")).isEqualTo("张***生");
        assertThat(Masking.secret("1234")).isEqualTo("****");
        assertThat(Masking.secret(null)).isNull();
    }
}
