package io.vpcportal.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Known accounts' tags are read a slice per run, going round in id order, so every account is read in turn. */
class TagRefreshSliceTests {

    private final List<String> ids = List.of("500000000000", "100000000000", "300000000000", "200000000000", "400000000000");

    @Test
    void aSliceStartsAfterTheCursorAndWrapsAround() {
        assertThat(OrganizationDiscovery.rotatingSlice(ids, "", 2)).containsExactly("100000000000", "200000000000");
        assertThat(OrganizationDiscovery.rotatingSlice(ids, "200000000000", 2)).containsExactly("300000000000", "400000000000");
        assertThat(OrganizationDiscovery.rotatingSlice(ids, "400000000000", 3))
                .containsExactly("500000000000", "100000000000", "200000000000");
    }

    @Test
    void aSliceNeverRepeatsAnAccountAndMayBeEmpty() {
        assertThat(OrganizationDiscovery.rotatingSlice(ids, "300000000000", 50)).hasSize(5).doesNotHaveDuplicates();
        assertThat(OrganizationDiscovery.rotatingSlice(ids, "", 0)).isEmpty();
        assertThat(OrganizationDiscovery.rotatingSlice(List.of(), "", 5)).isEmpty();
    }
}
