package io.vpcportal.savings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.savings.PriceDetails;
import io.vpcportal.savings.PriceItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class OfferFileParserTests {

    static final Set<String> SHIPPED = Set.of("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2",
            "eu-west-3", "eu-central-1", "ap-southeast-1", "ap-northeast-1");

    @Test
    void theShippedSnapshotPricesEveryItemInEveryShippedRegion() throws IOException {
        List<PriceDetails> prices = shipped("prices/AmazonEC2-index-extract.csv");
        prices.addAll(shipped("prices/AmazonVPC-index-extract.csv"));

        Set<String> regions = prices.stream().map(PriceDetails::region).collect(Collectors.toCollection(TreeSet::new));
        assertThat(regions).containsExactlyInAnyOrderElementsOf(SHIPPED);
        for (String region : SHIPPED) {
            List<PriceItem> items = prices.stream().filter(p -> p.region().equals(region)).map(PriceDetails::item)
                    .distinct().toList();
            assertThat(items).as(region).containsExactlyInAnyOrder(PriceItem.values());
        }
        assertThat(prices).allSatisfy(p -> {
            assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2025, 10, 1));
            assertThat(p.source()).isEqualTo("test");
        });
    }

    @Test
    void interfaceEndpointDataHasThreeTiersOnTheRegionsMonthlyTotal() throws IOException {
        List<PriceDetails> tiers = shipped("prices/AmazonVPC-index-extract.csv").stream()
                .filter(p -> p.region().equals("eu-west-1") && p.item() == PriceItem.INTERFACE_ENDPOINT_GB).toList();

        assertThat(tiers).extracting(p -> p.tierBeginGb().toPlainString(), p -> p.tierEndGb() == null ? "Inf"
                : p.tierEndGb().toPlainString(), p -> p.usd().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0", "1048576", "0.01"),
                        org.assertj.core.groups.Tuple.tuple("1048576", "5242880", "0.006"),
                        org.assertj.core.groups.Tuple.tuple("5242880", "Inf", "0.004"));
        assertThat(tiers.get(0).usageType()).isEqualTo("EU-VpcEndpoint-Bytes");
    }

    @Test
    void usageTypesMatchExactlyAndWithoutRegionCodeThePrefixNamesTheRegion() {
        String csv = """
                "FormatVersion","v1.0"
                "OfferCode","AmazonEC2"
                "SKU","TermType","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","serviceCode","usageType"
                "A1","OnDemand","2024-02-01T00:00:00Z","0","Inf","Hrs","0.045","USD","AmazonEC2","NatGateway-Hours"
                "A2","OnDemand","2024-02-01T00:00:00Z","0","Inf","Hrs","0.045","USD","AmazonEC2","RegionalNatGateway-Hours"
                "A3","OnDemand","2024-02-01T00:00:00Z","0","Inf","GB","0.048","USD","AmazonEC2","EU-NatGateway-Bytes"
                "A4","Reserved","2024-02-01T00:00:00Z","0","Inf","GB","0.001","USD","AmazonEC2","EU-NatGateway-Bytes"
                "A5","OnDemand","2024-02-01T00:00:00Z","0","Inf","Hrs","0.1","USD","AmazonEC2","BoxUsage:t3.small"
                "A6","OnDemand","2024-02-01T00:00:00Z","0","Inf","Hrs","0.062","USD","AmazonEC2","APN1-NatGateway-Hours"
                """;
        OfferFileParser.Result result = OfferFileParser.parse(in(csv), "upload");

        assertThat(result.rows()).isEqualTo(6);
        assertThat(result.prices()).extracting(PriceDetails::sku, PriceDetails::region, PriceDetails::item)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A1", "us-east-1", PriceItem.NAT_GATEWAY_HOUR),
                        org.assertj.core.groups.Tuple.tuple("A3", "eu-west-1", PriceItem.NAT_GATEWAY_GB),
                        org.assertj.core.groups.Tuple.tuple("A6", "ap-northeast-1", PriceItem.NAT_GATEWAY_HOUR));
        assertThat(result.prices().get(1).usd()).isEqualByComparingTo(new BigDecimal("0.048"));
        assertThat(result.prices().get(1).effectiveFrom()).isEqualTo(LocalDate.of(2024, 2, 1));
    }

    @Test
    void aFileThatIsNoOfferFileIsRefused() {
        assertThatThrownBy(() -> OfferFileParser.parse(in("name,price\nfoo,1\n"), "upload"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("offer file");
    }

    @Test
    void quotedCellsKeepCommasAndQuotes() {
        assertThat(OfferFileParser.cells("\"a,b\",\"say \"\"hi\"\"\",,plain"))
                .containsExactly("a,b", "say \"hi\"", "", "plain");
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<PriceDetails> shipped(String file) throws IOException {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return new java.util.ArrayList<>(OfferFileParser.parse(in, "test").prices());
        }
    }
}
