package io.vpcportal.inventory;

import io.vpcportal.inventory.internal.EndpointReads;
import io.vpcportal.inventory.PrivateHostedZone;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.inventory.internal.EndpointReads.DnsOff;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which interface endpoints with private DNS off get the PRIVATE_DNS_OFF recommendation. */
class PrivateDnsRecommendationTests {

    private static final DnsOff SSM = new DnsOff("vpce-0a1b2c3d4e5f60001", "com.amazonaws.eu-west-1.ssm",
            "ssm.eu-west-1.amazonaws.com");
    private static final DnsOff S3 = new DnsOff("vpce-0a1b2c3d4e5f60002", "com.amazonaws.eu-west-1.s3",
            "*.s3.eu-west-1.amazonaws.com");

    @Test
    void withoutAZoneEveryEndpointIsRecommended() {
        List<Recommendation> out = EndpointReads.privateDnsOff("111111111111", "eu-west-1", "vpc-1", List.of(SSM, S3),
                List.of());
        assertThat(out).extracting(Recommendation::kind).containsExactly("PRIVATE_DNS_OFF", "PRIVATE_DNS_OFF");
        assertThat(out.get(0).message()).contains("vpce-0a1b2c3d4e5f60001", "ssm.eu-west-1.amazonaws.com",
                "public name", "NAT gateway");
        assertThat(out.get(0).requestLink()).isNull();
    }

    @Test
    void aZoneForTheNameOrAParentDomainAnswersIt() {
        assertThat(EndpointReads.privateDnsOff("1", "eu-west-1", "vpc-1", List.of(SSM, S3),
                List.of("ssm.eu-west-1.amazonaws.com"))).extracting(Recommendation::message)
                .singleElement().asString().contains("s3");
        assertThat(EndpointReads.privateDnsOff("1", "eu-west-1", "vpc-1", List.of(SSM, S3),
                List.of("eu-west-1.amazonaws.com"))).isEmpty();
        assertThat(EndpointReads.privateDnsOff("1", "eu-west-1", "vpc-1", List.of(SSM),
                List.of("m.eu-west-1.amazonaws.com", "example.internal"))).as("a zone whose name only ends alike")
                .hasSize(1);
    }

    @Test
    void zoneNamesAreComparedWithoutCaseOrTheTrailingDot() {
        assertThat(PrivateHostedZone.answers("SSM.eu-west-1.amazonaws.com.", "ssm.eu-west-1.amazonaws.com")).isTrue();
        assertThat(PrivateHostedZone.answers("s3.eu-west-1.amazonaws.com", "*.s3.eu-west-1.amazonaws.com")).isTrue();
        assertThat(PrivateHostedZone.answers("amazonaws.com", "ssm.eu-west-1.amazonaws.com")).isTrue();
        assertThat(PrivateHostedZone.answers("s3.eu-west-1.amazonaws.com", "ssm.eu-west-1.amazonaws.com")).isFalse();
    }
}
