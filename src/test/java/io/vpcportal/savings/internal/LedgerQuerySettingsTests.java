package io.vpcportal.savings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The work_mem of the per-resource ledger reads: a PostgreSQL memory value, checked at start-up, not per read. */
class LedgerQuerySettingsTests {

    @Test
    void defaultsTo16MegabytesAndDashLeavesTheServersSetting() {
        assertThat(new LedgerQuerySettings(null).workMemOrNull()).isEqualTo("16MB");
        assertThat(new LedgerQuerySettings(" 64MB ").workMemOrNull()).isEqualTo("64MB");
        assertThat(new LedgerQuerySettings("512kB").workMemOrNull()).isEqualTo("512kB");
        assertThat(new LedgerQuerySettings("-").workMemOrNull()).isNull();
    }

    @Test
    void anythingElseIsRefusedNamingTheProperty() {
        for (String bad : new String[] {"16", "16mb", "0MB", "16 MB", "16MB; reset all", "1TB"}) {
            assertThatThrownBy(() -> new LedgerQuerySettings(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("portal.savings.ledger-reads.work-mem");
        }
    }
}
