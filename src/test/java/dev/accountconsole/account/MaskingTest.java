package dev.accountconsole.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void phones() {
        assertThat(Masking.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.maskPhone("4155550100")).isEqualTo("415***0100");
        assertThat(Masking.maskPhone("12345")).isEqualTo("***45");
        assertThat(Masking.maskPhone(null)).isNull();
    }

    @Test
    void emails() {
        assertThat(Masking.maskEmail("jane.doe@example.com")).isEqualTo("j***@example.com");
        assertThat(Masking.maskEmail("张三@例子.中国")).isEqualTo("张***@例子.中国");
        assertThat(Masking.maskEmail("nodomain")).isEqualTo("n***");
    }
}
