package io.vpcportal.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.inventory.RegionNetworks.NetworkEndpoint;
import io.vpcportal.inventory.RegionNetworks.VpcNetwork;
import io.vpcportal.sharing.SharedEndpointAdvice.Hub;
import io.vpcportal.sharing.SharedEndpointAdvice.VpcFit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the hub is chosen and which VPCs can reach it, without Spring. */
class HubAdvisorTests {

    static final List<String> ZONES = List.of("us-east-1a", "us-east-1b");

    @Test
    void aNamedHubWinsThenATaggedOneThenTheMostEndpointsOnTheMostUsedGateway() {
        VpcNetwork busyElsewhere = vpc("vpc-busy", null, ZONES, List.of("tgw-2"), 9);
        VpcNetwork onCommon = vpc("vpc-common", null, ZONES, List.of("tgw-1"), 3);
        VpcNetwork quiet = vpc("vpc-quiet", null, ZONES, List.of("tgw-1"), 1);
        VpcNetwork third = vpc("vpc-third", null, ZONES, List.of("tgw-1"), 0);
        VpcNetwork tagged = vpc("vpc-tagged", "shared", ZONES, List.of(), 0);
        VpcNetwork noSubnet = vpc("vpc-empty", "shared", List.of(), List.of("tgw-1"), 20);

        Hub proposed = HubAdvisor.choose(List.of(busyElsewhere, onCommon, quiet, third, noSubnet), null).orElseThrow();
        assertThat(proposed.vpcId()).isEqualTo("vpc-common");
        assertThat(proposed.reason()).contains("tgw-1").contains("(3)");
        assertThat(proposed.attached()).isTrue();

        Hub byTag = HubAdvisor.choose(List.of(busyElsewhere, onCommon, tagged), null).orElseThrow();
        assertThat(byTag.vpcId()).isEqualTo("vpc-tagged");
        assertThat(byTag.reason()).isEqualTo("tagged portal:hub");
        assertThat(byTag.transitGateway()).as("the region's most used gateway").isEqualTo("tgw-1");
        assertThat(byTag.attached()).isFalse();

        Hub named = HubAdvisor.choose(List.of(onCommon, tagged), quiet).orElseThrow();
        assertThat(named.vpcId()).isEqualTo("vpc-quiet");
        assertThat(named.proposed()).isFalse();

        assertThat(HubAdvisor.choose(List.of(noSubnet), null)).as("no VPC with a subnet").isEmpty();
    }

    @Test
    void attachedDetachedAndUnreachableSpokes() {
        Hub hub = new Hub("vpc-hub", "1", null, true, "tagged portal:hub", ZONES, "tgw-1", true);
        VpcFit attached = HubAdvisor.fit(vpc("vpc-a", null, ZONES, List.of("tgw-1"), 1), hub);
        VpcFit detached = HubAdvisor.fit(vpc("vpc-b", null, ZONES, List.of(), 1), hub);
        VpcFit elsewhere = HubAdvisor.fit(vpc("vpc-c", null, ZONES, List.of("tgw-2"), 1), hub);
        assertThat(attached.canUseHub()).isTrue();
        assertThat(attached.attached()).isTrue();
        assertThat(detached.canUseHub()).isTrue();
        assertThat(detached.attached()).isFalse();
        assertThat(detached.reason()).contains("needs an attachment to tgw-1");
        assertThat(elsewhere.canUseHub()).isFalse();
        assertThat(elsewhere.reason()).isEqualTo("not reachable: it routes to tgw-2, not to the hub's Transit Gateway tgw-1");
    }

    private static VpcNetwork vpc(String id, String hubTag, List<String> zones, List<String> gateways, int endpoints) {
        List<NetworkEndpoint> list = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            list.add(new NetworkEndpoint("vpce-" + id + i, "com.amazonaws.us-east-1.s" + i, "Interface", true, null, zones));
        }
        return new VpcNetwork(id, "111111111111", "us-east-1", null, hubTag, zones, gateways, list, List.of(), false);
    }
}
