package io.vpcportal.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.inventory.Recommendation;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A spoke of an active hub is not told it lacks the hub's service. */
class HubCoverageAdvisorTests {

    private static final Set<String> TEMPLATES = Set.of("ssm");
    private static final Set<String> ZONES = Set.of("ssm.eu-west-1.amazonaws.com");

    @Test
    void aRecommendationForTheHubsServiceIsCovered() {
        assertThat(HubCoverageAdvisor.covered(recommendation("MISSING_ENDPOINT", "ssm", "No ssm endpoint"), TEMPLATES,
                ZONES)).isTrue();
        assertThat(HubCoverageAdvisor.covered(recommendation("PRIVATE_DNS_OFF", null,
                "No private hosted zone in this VPC answers ssm.eu-west-1.amazonaws.com"), TEMPLATES, ZONES)).isTrue();
    }

    @Test
    void recommendationsForOtherServicesStay() {
        assertThat(HubCoverageAdvisor.covered(recommendation("MISSING_S3_GATEWAY", "s3-gateway", "No S3 gateway"),
                TEMPLATES, ZONES)).isFalse();
        assertThat(HubCoverageAdvisor.covered(recommendation("PRIVATE_DNS_OFF", null,
                "No private hosted zone in this VPC answers logs.eu-west-1.amazonaws.com"), TEMPLATES, ZONES)).isFalse();
    }

    private static Recommendation recommendation(String kind, String template, String message) {
        return new Recommendation(kind, "111111111111", "eu-west-1", "vpc-1", message, template, null);
    }
}
