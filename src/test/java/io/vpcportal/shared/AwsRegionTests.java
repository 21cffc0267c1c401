package io.vpcportal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwsRegionTests {

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-west-1", "eu-west-3", "ap-northeast-1", "ap-southeast-2", "sa-east-1",
            "mx-central-1"})
    void knownRegionsAreAccepted(String code) {
        assertThat(AwsRegion.isKnown(code)).isTrue();
        assertThat(new AwsRegion(code)).hasToString(code);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "us-east-9", "US-EAST-1", "us_east_1", "useast1", " us-east-1", "us-east-1 ",
            "eu\u2011west\u20111", "cn-north-1", "us-gov-west-1", "mars-north-1"})
    void anythingElseIsRefused(String code) {
        assertThat(AwsRegion.isKnown(code)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new AwsRegion(code))
                .withMessage("Unknown AWS region: " + code);
    }

    @Test
    void theKnownListIsSortedAndWellFormed() {
        assertThat(new ArrayList<>(AwsRegion.KNOWN)).isSorted().hasSize(32)
                .allSatisfy(code -> assertThat(code).matches("[a-z]{2}-[a-z]+-\\d"));
    }

    @Test
    void regionsSortByCode() {
        List<AwsRegion> regions = new ArrayList<>(List.of(new AwsRegion("us-east-1"), new AwsRegion("eu-west-3"),
                new AwsRegion("ap-south-1")));
        Collections.sort(regions);
        assertThat(regions).extracting(AwsRegion::code).containsExactly("ap-south-1", "eu-west-3", "us-east-1");
    }
}
