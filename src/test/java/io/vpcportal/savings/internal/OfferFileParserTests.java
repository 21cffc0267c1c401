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
import java.util.Arrays;
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
        prices.addAll(shipped("prices/AWSDataTransfer-index-extract.csv"));
        // Route 53 is global: its usage types have no region prefix and the catalog keeps them under us-east-1
        List<PriceDetails> route53 = shipped("prices/AmazonRoute53-index-extract.csv");
        assertThat(route53).extracting(PriceDetails::region).containsOnly("us-east-1");
        assertThat(route53).extracting(PriceDetails::item).containsOnly(PriceItem.HOSTED_ZONE_MONTH, PriceItem.DNS_QUERY);
        prices.addAll(route53);

        Set<String> regions = prices.stream().map(PriceDetails::region).collect(Collectors.toCollection(TreeSet::new));
        assertThat(regions).containsExactlyInAnyOrderElementsOf(SHIPPED);
        for (String region : SHIPPED) {
            List<PriceItem> items = prices.stream().filter(p -> p.region().equals(region)).map(PriceDetails::item)
                    .distinct().toList();
            List<PriceItem> expected = Arrays.stream(PriceItem.values())
                    .filter(i -> region.equals("us-east-1") || !i.serviceCode().equals("AmazonRoute53")).toList();
            assertThat(items).as(region).containsExactlyInAnyOrderElementsOf(expected);
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
    void theShippedSnapshotPricesTheTransferBetweenEveryPairOfShippedRegions() throws IOException {
        List<PriceDetails> transfer = shipped("prices/AWSDataTransfer-index-extract.csv");

        assertThat(transfer).hasSize(SHIPPED.size() * (SHIPPED.size() - 1))
                .allSatisfy(p -> assertThat(p.item()).isEqualTo(PriceItem.INTER_REGION_GB))
                .allSatisfy(p -> assertThat(SHIPPED).contains(p.region(), p.toRegion()))
                .allSatisfy(p -> assertThat(p.toRegion()).isNotEqualTo(p.region()));
        assertThat(transfer).filteredOn(p -> p.region().equals("eu-west-3") && p.toRegion().equals("us-east-1"))
                .singleElement().satisfies(p -> {
                    assertThat(p.usd()).isEqualByComparingTo("0.02");
                    assertThat(p.usageType()).isEqualTo("EUW3-USE1-AWS-Out-Bytes");
                });
        assertThat(transfer).filteredOn(p -> p.region().equals("us-east-1") && p.toRegion().equals("us-east-2"))
                .singleElement().satisfies(p -> assertThat(p.usd()).isEqualByComparingTo("0.01"));
    }

    @Test
    void interRegionUsageTypesNameBothRegionsWithOrWithoutRegionColumns() {
        String csv = """
                "FormatVersion","v1.0"
                "OfferCode","AWSDataTransfer"
                "SKU","TermType","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","serviceCode","usageType","From Region Code","To Region Code"
                "B1","OnDemand","2024-02-01T00:00:00Z","0","Inf","GB","0.02","USD","AWSDataTransfer","EUW3-USE1-AWS-Out-Bytes","",""
                "B2","OnDemand","2024-02-01T00:00:00Z","0","Inf","GB","0.09","USD","AWSDataTransfer","APS1-EU-AWS-Out-Bytes","ap-southeast-1","eu-west-1"
                "B3","OnDemand","2024-02-01T00:00:00Z","0","Inf","GB","0.00","USD","AWSDataTransfer","EUW3-USE1-AWS-In-Bytes","",""
                "B4","OnDemand","2024-02-01T00:00:00Z","0","Inf","GB","0.02","USD","AWSDataTransfer","XXX9-USE1-AWS-Out-Bytes","",""
                """;
        OfferFileParser.Result result = OfferFileParser.parse(in(csv), "upload");

        assertThat(result.prices()).extracting(PriceDetails::sku, PriceDetails::region, PriceDetails::toRegion,
                        PriceDetails::item)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B1", "eu-west-3", "us-east-1", PriceItem.INTER_REGION_GB),
                        org.assertj.core.groups.Tuple.tuple("B2", "ap-southeast-1", "eu-west-1", PriceItem.INTER_REGION_GB));
        assertThat(PriceItem.match("AmazonEC2", "EUW3-USE1-AWS-Out-Bytes")).isEmpty();
        assertThat(PriceItem.match(null, "EU-NatGateway-Bytes").orElseThrow().toRegionPrefix()).isEmpty();
    }

    @Test
    void aFileThatIsNoOfferFileIsRefused() {
        assertThatThrownBy(() -> OfferFileParser.parse(in("name,price\nfoo,1\n"), "upload"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("offer file");
    }

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaks() {
        String file = "\"FormatVersion\",\"v1.0\"\n"
                + "\"SKU\",\"TermType\",\"usageType\",\"serviceCode\",\"PricePerUnit\",\"Currency\",\"EffectiveDate\","
                + "\"StartingRange\",\"EndingRange\",\"Region Code\",\"Description\"\n"
                + "\"SKU1\",\"OnDemand\",\"USE1-NatGateway-Hours\",\"AmazonEC2\",\"0.045\",\"USD\",\"2025-10-01\","
                + "\"0\",\"Inf\",\"us-east-1\",\"$0.045 per \"\"NAT\"\", hour\nsecond line\"\n"
                + "\"SKU2\",\"OnDemand\",\"USE1-NatGateway-Bytes\",\"AmazonEC2\",\"0.045\",\"USD\",\"2025-10-01\","
                + "\"0\",\"Inf\",\"us-east-1\",\"per GB\"\n";
        OfferFileParser.Result result = OfferFileParser.parse(in(file), "test");
        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.prices()).extracting(PriceDetails::item)
                .containsExactlyInAnyOrder(PriceItem.NAT_GATEWAY_HOUR, PriceItem.NAT_GATEWAY_GB);
    }

    @Test
    void anUnclosedQuoteIsRefusedAsInput() {
        String file = "\"SKU\",\"usageType\",\"PricePerUnit\"\n\"a\",\"USE1-NatGateway-Hours\",\"0.1\n";
        assertThatThrownBy(() -> OfferFileParser.parse(in(file), "upload")).isInstanceOf(InvalidInputException.class);
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<PriceDetails> shipped(String file) throws IOException {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return new java.util.ArrayList<>(OfferFileParser.parse(in, "test").prices());
        }
    }

    /**
     * A hand-written {@code index.json} in the structure of AWS's offer files (products by SKU, then terms by type,
     * SKU and offer term with their price dimensions): the interface endpoint's data in three tiers, its hours, and
     * products the portal does not price (another usage type, a RegionalNatGateway row, a Reserved term).
     */
    @Test
    void theJsonOfferFileGivesTheSamePricesIncludingTiers() {
        String json = """
                {
                  "formatVersion" : "v1.0",
                  "disclaimer" : "This pricing list is for informational purposes only.",
                  "offerCode" : "AmazonVPC",
                  "version" : "20251001000000",
                  "publicationDate" : "2025-10-01T00:00:00Z",
                  "products" : {
                    "SKUBYTES0000001" : {
                      "sku" : "SKUBYTES0000001",
                      "productFamily" : "VpcEndpoint",
                      "attributes" : {
                        "servicecode" : "AmazonVPC",
                        "location" : "EU (Ireland)",
                        "locationType" : "AWS Region",
                        "group" : "VpcEndpoint",
                        "usagetype" : "EU-VpcEndpoint-Bytes",
                        "operation" : "VpcEndpoint",
                        "regionCode" : "eu-west-1",
                        "servicename" : "Amazon Virtual Private Cloud"
                      }
                    },
                    "SKUHOURS0000001" : {
                      "sku" : "SKUHOURS0000001",
                      "productFamily" : "VpcEndpoint",
                      "attributes" : { "servicecode" : "AmazonVPC", "location" : "EU (Ireland)",
                        "usagetype" : "EU-VpcEndpoint-Hours", "operation" : "VpcEndpoint", "regionCode" : "eu-west-1" }
                    },
                    "SKUOTHER0000001" : {
                      "sku" : "SKUOTHER0000001",
                      "productFamily" : "VPN Connection",
                      "attributes" : { "servicecode" : "AmazonVPC", "usagetype" : "EU-VPN-Usage-Hours:ipsec.1",
                        "regionCode" : "eu-west-1" }
                    },
                    "SKUREGNAT000001" : {
                      "sku" : "SKUREGNAT000001",
                      "productFamily" : "NAT Gateway",
                      "attributes" : { "servicecode" : "AmazonVPC", "usagetype" : "EU-RegionalNatGateway-Hours",
                        "regionCode" : "eu-west-1" }
                    }
                  },
                  "terms" : {
                    "OnDemand" : {
                      "SKUBYTES0000001" : {
                        "SKUBYTES0000001.JRTCKXETXF" : {
                          "offerTermCode" : "JRTCKXETXF",
                          "sku" : "SKUBYTES0000001",
                          "effectiveDate" : "2025-10-01T00:00:00Z",
                          "priceDimensions" : {
                            "SKUBYTES0000001.JRTCKXETXF.6YS6EN2CT7" : {
                              "rateCode" : "SKUBYTES0000001.JRTCKXETXF.6YS6EN2CT7",
                              "description" : "$0.01 per GB Data Processed by the VPC endpoint for the first 1 PB",
                              "beginRange" : "0", "endRange" : "1048576", "unit" : "GB",
                              "pricePerUnit" : { "USD" : "0.0100000000" }, "appliesTo" : [ ]
                            },
                            "SKUBYTES0000001.JRTCKXETXF.7ABCDEFGHI" : {
                              "rateCode" : "SKUBYTES0000001.JRTCKXETXF.7ABCDEFGHI",
                              "description" : "$0.006 per GB for the next 4 PB",
                              "beginRange" : "1048576", "endRange" : "5242880", "unit" : "GB",
                              "pricePerUnit" : { "USD" : "0.0060000000" }, "appliesTo" : [ ]
                            },
                            "SKUBYTES0000001.JRTCKXETXF.8ABCDEFGHI" : {
                              "rateCode" : "SKUBYTES0000001.JRTCKXETXF.8ABCDEFGHI",
                              "description" : "$0.004 per GB over 5 PB",
                              "beginRange" : "5242880", "endRange" : "Inf", "unit" : "GB",
                              "pricePerUnit" : { "USD" : "0.0040000000" }, "appliesTo" : [ ]
                            }
                          },
                          "termAttributes" : { }
                        }
                      },
                      "SKUHOURS0000001" : {
                        "SKUHOURS0000001.JRTCKXETXF" : {
                          "offerTermCode" : "JRTCKXETXF", "sku" : "SKUHOURS0000001",
                          "effectiveDate" : "2025-10-01T00:00:00Z",
                          "priceDimensions" : {
                            "SKUHOURS0000001.JRTCKXETXF.6YS6EN2CT7" : {
                              "rateCode" : "SKUHOURS0000001.JRTCKXETXF.6YS6EN2CT7",
                              "description" : "$0.011 per VPC Endpoint Hour",
                              "beginRange" : "0", "endRange" : "Inf", "unit" : "Hrs",
                              "pricePerUnit" : { "USD" : "0.0110000000" }, "appliesTo" : [ ]
                            }
                          },
                          "termAttributes" : { }
                        }
                      },
                      "SKUOTHER0000001" : {
                        "SKUOTHER0000001.JRTCKXETXF" : { "offerTermCode" : "JRTCKXETXF", "sku" : "SKUOTHER0000001",
                          "effectiveDate" : "2025-10-01T00:00:00Z", "priceDimensions" : { "x" : { "beginRange" : "0",
                          "endRange" : "Inf", "unit" : "Hrs", "pricePerUnit" : { "USD" : "0.05" } } } }
                      }
                    },
                    "Reserved" : {
                      "SKUHOURS0000001" : {
                        "SKUHOURS0000001.4NA7Y494T4" : { "offerTermCode" : "4NA7Y494T4", "sku" : "SKUHOURS0000001",
                          "effectiveDate" : "2025-10-01T00:00:00Z", "priceDimensions" : { "y" : { "beginRange" : "0",
                          "endRange" : "Inf", "unit" : "Hrs", "pricePerUnit" : { "USD" : "0.001" } } } }
                      }
                    }
                  }
                }
                """;

        OfferFileParser.Result result = OfferFileParser.parse(in("\uFEFF\n  " + json), "index.json");

        assertThat(result.rows()).as("products read").isEqualTo(4);
        assertThat(result.prices()).extracting(PriceDetails::sku, PriceDetails::region, PriceDetails::item,
                p -> p.tierBeginGb().toPlainString(), p -> p.tierEndGb() == null ? "Inf" : p.tierEndGb().toPlainString(),
                p -> p.usd().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("SKUBYTES0000001", "eu-west-1", PriceItem.INTERFACE_ENDPOINT_GB, "0", "1048576", "0.01"),
                        org.assertj.core.groups.Tuple.tuple("SKUBYTES0000001", "eu-west-1", PriceItem.INTERFACE_ENDPOINT_GB, "1048576", "5242880", "0.006"),
                        org.assertj.core.groups.Tuple.tuple("SKUBYTES0000001", "eu-west-1", PriceItem.INTERFACE_ENDPOINT_GB, "5242880", "Inf", "0.004"),
                        org.assertj.core.groups.Tuple.tuple("SKUHOURS0000001", "eu-west-1", PriceItem.INTERFACE_ENDPOINT_HOUR, "0", "Inf", "0.011"));
        assertThat(result.prices()).allSatisfy(p -> {
            assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2025, 10, 1));
            assertThat(p.source()).isEqualTo("index.json");
        });
        assertThat(result.prices().get(0).usageType()).isIn("EU-VpcEndpoint-Bytes", "EU-VpcEndpoint-Hours");

        // the same figures as the CSV form of the shipped snapshot
        assertThat(OfferFileParser.parse(in(json), "x").prices().stream().map(p -> p.item() + " " + p.tierBeginGb()
                + " " + p.usd().stripTrailingZeros().toPlainString()).sorted().toList())
                .isEqualTo(shippedOf("eu-west-1", PriceItem.INTERFACE_ENDPOINT_GB, PriceItem.INTERFACE_ENDPOINT_HOUR));
    }

    @Test
    void aJsonFileThatIsNotAnOfferFileIsRefused() {
        assertThatThrownBy(() -> OfferFileParser.parse(in("{\"terms\":{},\"products\":{}}"), "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("products first");
        assertThatThrownBy(() -> OfferFileParser.parse(in("{\"formatVersion\":\"v1.0\"}"), "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("JSON form");
        assertThatThrownBy(() -> OfferFileParser.parse(in("{\"products\":{\"A\":"), "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not readable JSON");
    }

    private List<String> shippedOf(String region, PriceItem... items) {
        try {
            return shipped("prices/AmazonVPC-index-extract.csv").stream().filter(p -> p.region().equals(region)
                    && List.of(items).contains(p.item())).map(p -> p.item() + " " + p.tierBeginGb() + " "
                    + p.usd().stripTrailingZeros().toPlainString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
