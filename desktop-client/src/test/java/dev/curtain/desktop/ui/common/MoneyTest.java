package dev.curtain.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsMinorUnits() {
        assertThat(Money.format(4550, "EUR")).isEqualTo("45.50 EUR");
        assertThat(Money.format(-205, "EUR")).isEqualTo("-2.05 EUR");
        assertThat(Money.format(0, "")).isEqualTo("0.00");
    }

    @Test
    void parsesWhatClerksType() {
        assertThat(Money.parse("50")).isEqualTo(5000);
        assertThat(Money.parse("50.5")).isEqualTo(5050);
        assertThat(Money.parse("12,75")).isEqualTo(1275);
        assertThat(Money.parse(" 7.05 ")).isEqualTo(705);
        assertThat(Money.parse("-1")).isNull();
        assertThat(Money.parse("abc")).isNull();
        assertThat(Money.parse("1.234")).isNull();
    }
}
