package io.vpcportal.savings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Money arithmetic of tiered prices: every GB is priced in the tier of the month's running total it falls in. */
class RateTests {

    static final BigDecimal PB = new BigDecimal("1048576");

    final Rate interfaceData = new Rate("us-east-1", PriceItem.INTERFACE_ENDPOINT_GB, LocalDate.of(2025, 10, 1), "test",
            List.of(new Rate.Tier(BigDecimal.ZERO, PB, new BigDecimal("0.01")),
                    new Rate.Tier(PB, new BigDecimal("5242880"), new BigDecimal("0.006")),
                    new Rate.Tier(new BigDecimal("5242880"), null, new BigDecimal("0.004"))));

    @Test
    void dataCrossingTheFirstPetabyteIsPricedAcrossBothTiers() {
        // 48,576 GB already this month; 1,100,000 GB more: 1,000,000 at 0.01 and 100,000 at 0.006
        BigDecimal cost = interfaceData.cost(new BigDecimal("48576"), new BigDecimal("1100000"));

        assertThat(cost).isEqualByComparingTo(new BigDecimal("10000.00").add(new BigDecimal("600.000")));
    }

    @Test
    void dataAcrossAllThreeTiersFromTheStartOfTheMonth() {
        BigDecimal cost = interfaceData.cost(new BigDecimal("6242880"));

        // 1,048,576 x 0.01 + 4,194,304 x 0.006 + 1,000,000 x 0.004
        assertThat(cost).isEqualByComparingTo(new BigDecimal("10485.76").add(new BigDecimal("25165.824"))
                .add(new BigDecimal("4000")));
    }

    @Test
    void dataWithinATierIsPricedAtThatTierOnly() {
        assertThat(interfaceData.cost(new BigDecimal("2000000"), new BigDecimal("1000")))
                .isEqualByComparingTo("6.000");
        assertThat(interfaceData.cost(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualByComparingTo("0");
    }
}
