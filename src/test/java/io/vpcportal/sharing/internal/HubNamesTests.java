package io.vpcportal.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HubNamesTests {

    @Test
    void theZoneOfAnAwsServiceIsItsPrivateDnsName() {
        assertThat(HubNames.zoneNames("com.amazonaws.eu-west-1.ssm", "eu-west-1"))
                .containsExactly("ssm.eu-west-1.amazonaws.com");
        assertThat(HubNames.zoneNames("com.amazonaws.eu-west-1.ecr.dkr", "eu-west-1"))
                .containsExactly("dkr.ecr.eu-west-1.amazonaws.com");
        assertThat(HubNames.zoneNames("com.amazonaws.us-east-1.ecr.api", "us-east-1"))
                .containsExactly("api.ecr.us-east-1.amazonaws.com");
    }

    @Test
    void aServiceOfAnotherRegionOrOfAPartnerHasNoZone() {
        assertThat(HubNames.zoneNames("com.amazonaws.eu-central-1.ssm", "eu-west-1")).isEmpty();
        assertThat(HubNames.zoneNames("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", "eu-west-1"))
                .as("an endpoint service of a partner").isEmpty();
        assertThat(HubNames.zoneNames("com.amazonaws.eu-west-1.", "eu-west-1")).isEmpty();
        assertThat(HubNames.zoneNames(null, "eu-west-1")).isEmpty();
    }

    @Test
    void aWildcardNameAndATrailingDotNameTheSameZone() {
        assertThat(HubNames.zoneOf("*.dkr.ecr.eu-west-1.amazonaws.com")).isEqualTo("dkr.ecr.eu-west-1.amazonaws.com");
        assertThat(HubNames.zoneOf("SSM.eu-west-1.amazonaws.com.")).isEqualTo("ssm.eu-west-1.amazonaws.com");
    }

    @Test
    void aZoneAnswersItsNameAndTheNamesBelowIt() {
        assertThat(HubNames.answers("amazonaws.com", "ssm.eu-west-1.amazonaws.com")).isTrue();
        assertThat(HubNames.answers("ssm.eu-west-1.amazonaws.com", "ssm.eu-west-1.amazonaws.com")).isTrue();
        assertThat(HubNames.answers("ssm.eu-west-1.amazonaws.com", "ssmmessages.eu-west-1.amazonaws.com")).isFalse();
        assertThat(HubNames.answers("s.amazonaws.com", "ssm.eu-west-1.amazonaws.com")).isFalse();
    }
}
