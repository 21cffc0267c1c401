package io.vpcportal.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.inventory.RegionNetworks.NetworkEndpoint;
import io.vpcportal.inventory.RegionNetworks.VpcNetwork;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.MeasuredTraffic;
import io.vpcportal.savings.PriceItem;
import io.vpcportal.savings.Rate;
import io.vpcportal.sharing.SharedEndpointAdvice.Hub;
import io.vpcportal.sharing.SharedEndpointAdvice.ServiceAdvice;
import io.vpcportal.sharing.SharedEndpointAdvice.Verdict;
import io.vpcportal.sharing.SharedEndpointAdvice.VpcFit;
import io.vpcportal.sharing.internal.AdvicePrices.Prices;
import io.vpcportal.sharing.internal.ServiceCosts.Member;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-service arithmetic, without Spring: eu-west-1 style prices, figures worked out by hand. */
class ServiceCostsTests {

    static final String REGION = "eu-west-1";
    static final String SSM = "com.amazonaws.eu-west-1.ssm";
    static final long GIB = 1L << 30;

    final Hub hub = new Hub("vpc-hub", "111111111111", "hub", true, "tagged portal:hub",
            List.of("eu-west-1a", "eu-west-1b"), "tgw-1", true);
    final Prices prices = new Prices(flat(PriceItem.INTERFACE_ENDPOINT_HOUR, "0.011"),
            flat(PriceItem.INTERFACE_ENDPOINT_GB, "0.01"), flat(PriceItem.TRANSIT_GATEWAY_ATTACHMENT_HOUR, "0.05"),
            flat(PriceItem.TRANSIT_GATEWAY_GB, "0.02"), zones(), flat(PriceItem.DNS_QUERY, "0.0000004"));

    @Test
    void fourSpokesWithLittleTrafficAreWorthAHub() {
        List<Member> members = new ArrayList<>();
        Map<String, VpcFit> fits = new HashMap<>();
        Map<String, MeasuredTraffic> measured = new HashMap<>();
        for (int i = 1; i <= 4; i++) {
            members.add(member("vpc-" + i, "vpce-" + i, null, List.of("tgw-1"), List.of()));
            fits.put("vpc-" + i, new VpcFit("vpc-" + i, "1", null, true, true, "attached"));
            // 6 GiB over 2 days: 3 GiB a day, 91.25 GB a month
            measured.put("vpce-" + i, new MeasuredTraffic("vpce-" + i, LedgerKind.INTERFACE, 2, 6 * GIB,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        ServiceAdvice advice = ServiceCosts.advise(REGION, SSM, members, Optional.empty(), hub, fits, measured, prices,
                0, 0);

        // today: 4 x 2 x 730 x 0.011 = 64.24 + 365 GB x 0.01 = 3.65 -> 67.89
        // hub:   2 x 730 x 0.011 = 16.06 + 3.65 + 365 x 0.02 = 7.30 + 0.50 + 0 -> 27.51; saving 40.38
        // break-even (64.24 - 16.06 - 0.50) / 0.02 = 2384 GB
        assertThat(advice.verdict()).isEqualTo(Verdict.SHARE);
        assertThat(advice.todayCost()).isEqualByComparingTo("67.89");
        assertThat(advice.hubCost()).isEqualByComparingTo("27.51");
        assertThat(advice.saving()).isEqualByComparingTo("40.38");
        assertThat(advice.spokeGb()).isEqualByComparingTo("365");
        assertThat(advice.breakEvenGb()).isEqualByComparingTo("2384");
        assertThat(advice.today().get(1).measured().gbPerMonth()).isEqualByComparingTo("91.25");
    }

    @Test
    void heavyTrafficIsAboveBreakEvenAndAHubEndpointAlreadyThereAddsNoHours() {
        Map<String, VpcFit> fits = Map.of("vpc-1", new VpcFit("vpc-1", "1", null, true, true, "attached"));
        // 1460 GB a month: 48 GiB in one day
        Map<String, MeasuredTraffic> measured = Map.of("vpce-1", new MeasuredTraffic("vpce-1", LedgerKind.INTERFACE,
                1, 48 * GIB, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        ServiceAdvice advice = ServiceCosts.advise(REGION, SSM, List.of(member("vpc-1", "vpce-1", null,
                List.of("tgw-1"), List.of())), Optional.of(new NetworkEndpoint("vpce-hub", SSM, "Interface", false,
                null, List.of("eu-west-1a"))), hub, fits, measured, prices, 0, 0);
        // today 16.06 + 14.60 = 30.66; hub 0 + 14.60 + 29.20 + 0.50 = 44.30; saving -13.64
        // fixed 16.06 - 0.50 = 15.56: break-even 778 GB, measured 1460
        assertThat(advice.verdict()).isEqualTo(Verdict.BELOW_BREAK_EVEN);
        assertThat(advice.withHub().get(0).usd()).isEqualByComparingTo("0");
        assertThat(advice.saving()).isEqualByComparingTo("-13.64");
        assertThat(advice.breakEvenGb()).isEqualByComparingTo("778");
        assertThat(advice.reason()).contains("1460").contains("778");
    }

    @Test
    void differentPoliciesOverlappingZonesAndUnreachableVpcsAreNamed() {
        Map<String, VpcFit> fits = Map.of(
                "vpc-1", new VpcFit("vpc-1", "1", null, true, true, "attached"),
                "vpc-2", new VpcFit("vpc-2", "1", null, true, true, "attached"),
                "vpc-3", new VpcFit("vpc-3", "1", null, true, true, "attached"),
                "vpc-4", new VpcFit("vpc-4", "1", null, false, false, "not reachable: it routes to tgw-9"));
        List<Member> members = List.of(member("vpc-1", "vpce-1", "{\"Statement\": []}", List.of("tgw-1"), List.of()),
                member("vpc-2", "vpce-2", "{\"Statement\":[]}", List.of("tgw-1"), List.of()),
                member("vpc-3", "vpce-3", null, List.of("tgw-1"), List.of("eu-west-1.amazonaws.com")),
                member("vpc-4", "vpce-4", null, List.of("tgw-9"), List.of()));
        ServiceAdvice same = ServiceCosts.advise(REGION, SSM, members, Optional.empty(), hub, fits, Map.of(), prices,
                0, 0);
        assertThat(same.verdict()).as("white space does not make a policy differ").isEqualTo(Verdict.SHARE);
        assertThat(same.spokes()).containsExactly("vpc-1", "vpc-2");
        assertThat(same.excluded()).extracting(e -> e.vpcId() + ": " + e.reason()).containsExactly(
                "vpc-3: a private hosted zone eu-west-1.amazonaws.com is already associated with it and answers "
                        + "ssm.eu-west-1.amazonaws.com", "vpc-4: not reachable: it routes to tgw-9");

        List<Member> differing = List.of(members.get(0), member("vpc-2", "vpce-2", null, List.of("tgw-1"), List.of()));
        ServiceAdvice differs = ServiceCosts.advise(REGION, SSM, differing, Optional.empty(), hub, fits, Map.of(),
                prices, 0, 0);
        assertThat(differs.verdict()).isEqualTo(Verdict.POLICY_DIFFERS);
        assertThat(differs.reason()).contains("2 different policies").contains("vpc-1").contains("vpc-2");
        assertThat(differs.withHub()).isEmpty();
    }

    @Test
    void theTwentySixthZoneIsPricedAtTheSecondTier() {
        Map<String, VpcFit> fits = Map.of("vpc-1", new VpcFit("vpc-1", "1", null, true, true, "attached"));
        ServiceAdvice advice = ServiceCosts.advise(REGION, SSM, List.of(member("vpc-1", "vpce-1", null,
                List.of("tgw-1"), List.of())), Optional.empty(), hub, fits, Map.of(), prices, 25, 1_000_000);
        assertThat(advice.withHub().get(3).usd()).isEqualByComparingTo("0.10");
        assertThat(advice.withHub().get(3).price().usd()).isEqualByComparingTo("0.10");
        assertThat(advice.withHub().get(4).usd()).as("a million queries").isEqualByComparingTo("0.40");
    }

    private static Member member(String vpc, String endpoint, String policy, List<String> gateways,
            List<String> hostedZones) {
        NetworkEndpoint e = new NetworkEndpoint(endpoint, SSM, "Interface", true, policy,
                List.of("eu-west-1a", "eu-west-1b"));
        return new Member(new VpcNetwork(vpc, "111111111111", REGION, null, null, List.of("eu-west-1a", "eu-west-1b"),
                gateways, List.of(e), hostedZones, false), e);
    }

    private static PricedItem flat(PriceItem item, String usd) {
        return new PricedItem(REGION, new Rate(REGION, item, LocalDate.of(2025, 10, 1), "test",
                List.of(new Rate.Tier(BigDecimal.ZERO, null, new BigDecimal(usd)))), List.of());
    }

    private static PricedItem zones() {
        return new PricedItem("us-east-1", new Rate("us-east-1", PriceItem.HOSTED_ZONE_MONTH, LocalDate.of(2025, 10, 1),
                "test", List.of(new Rate.Tier(BigDecimal.ZERO, BigDecimal.valueOf(25), new BigDecimal("0.50")),
                        new Rate.Tier(BigDecimal.valueOf(25), null, new BigDecimal("0.10")))), List.of());
    }
}
