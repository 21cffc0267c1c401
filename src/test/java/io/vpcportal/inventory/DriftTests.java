package io.vpcportal.inventory;

import io.vpcportal.inventory.internal.Drift;
import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.inventory.internal.Drift.Actual;
import io.vpcportal.inventory.internal.Drift.Approved;
import io.vpcportal.policy.DiffLine;
import io.vpcportal.policy.PolicyManagement;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTests {

    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Tables","Effect":"Allow","Principal":"*",
             "Action":["dynamodb:GetItem","dynamodb:PutItem"],"Resource":"*"}]}""";
    private static final PolicyManagement POLICIES = policies();

    private static Approved approved(String policy) {
        return new Approved("REQUEST", policy, List.of("rtb-0a1b2c3d"), List.of(), List.of(), false, "portal",
                Instant.parse("2025-06-01T00:00:00Z"));
    }

    private static Actual actual(String policy, List<String> routeTables) {
        return new Actual("Gateway", "available", false, policy, routeTables, List.of(), List.of(), false);
    }

    @Test
    void tagsAreComparedKeyByKeyWithoutTheOnesAwsManages() {
        Approved approved = new Approved("REQUEST", POLICY, List.of("rtb-0a1b2c3d"), List.of(), List.of(), false,
                new java.util.TreeMap<>(java.util.Map.of("cost-centre", "cc-1", "portal:team", "payments")), "portal",
                Instant.parse("2025-06-01T00:00:00Z"));
        Actual actual = new Actual("Gateway", "available", false, POLICY, List.of("rtb-0a1b2c3d"), List.of(), List.of(),
                false, new java.util.TreeMap<>(java.util.Map.of("cost-centre", "cc-2", "owner", "someone",
                        "aws:cloudformation:stack-name", "s")));

        DriftReport report = Drift.compare(approved, actual, POLICIES);

        assertThat(Drift.summary(report)).isEqualTo("tags");
        assertThat(report.tagDiff()).containsExactly(new DriftReport.TagDifference("cost-centre", "cc-1", "cc-2"),
                new DriftReport.TagDifference("owner", null, "someone"),
                new DriftReport.TagDifference("portal:team", "payments", null));
        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.approved()).isEqualTo("cost-centre=cc-1, portal:team=payments");
            assertThat(d.actual()).isEqualTo("cost-centre=cc-2, owner=someone");
        });
    }

    @Test
    void aBaselineWithoutRecordedTagsComparesNoTags() {
        Actual tagged = new Actual("Gateway", "available", false, POLICY, List.of("rtb-0a1b2c3d"), List.of(), List.of(),
                false, new java.util.TreeMap<>(java.util.Map.of("owner", "someone")));
        assertThat(Drift.compare(approved(POLICY), tagged, POLICIES).drifted()).isFalse();
    }

    @Test
    void keyOrderAndWhitespaceAreNotDrift() {
        String reordered = """
                {"Statement":[{"Resource":"*","Principal":"*","Effect":"Allow","Sid":"Tables",
                  "Action":["dynamodb:GetItem","dynamodb:PutItem"]}],  "Version":"2012-10-17"}""";

        DriftReport report = Drift.compare(approved(POLICY), actual(reordered, List.of("rtb-0a1b2c3d")), POLICIES);

        assertThat(report.drifted()).isFalse();
        assertThat(report.policyDiff()).isEmpty();
        assertThat(Drift.summary(report)).isNull();
    }

    @Test
    void aChangedPolicyShowsAsALineDiff() {
        String narrowed = POLICY.replace(",\"dynamodb:PutItem\"", "");

        DriftReport report = Drift.compare(approved(POLICY), actual(narrowed, List.of("rtb-0a1b2c3d")), POLICIES);

        assertThat(Drift.summary(report)).isEqualTo("policy");
        assertThat(report.policyDiff()).filteredOn(l -> l.change() == DiffLine.Change.REMOVED)
                .anyMatch(l -> l.text().contains("dynamodb:PutItem"));
    }

    @Test
    void noPolicyIsAwssDefaultFullAccessPolicy() {
        String awsDefault = """
                {"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}""";

        assertThat(Drift.compare(approved(null), actual(awsDefault, List.of("rtb-0a1b2c3d")), POLICIES).drifted())
                .isFalse();
        assertThat(Drift.compare(approved(POLICY), actual(null, List.of("rtb-0a1b2c3d")), POLICIES).drifted())
                .isTrue();
    }

    @Test
    void privateDnsCountsForInterfaceEndpointsOnly() {
        Approved withoutDns = new Approved("REQUEST", POLICY, List.of(), List.of("subnet-0a1b2c3d"), List.of(), false,
                "portal", Instant.parse("2025-06-01T00:00:00Z"));

        assertThat(Drift.summary(Drift.compare(withoutDns, new Actual("Interface", "available", false, POLICY, List.of(),
                List.of("subnet-0a1b2c3d"), List.of(), true), POLICIES))).isEqualTo("privateDns");
        assertThat(Drift.compare(withoutDns, new Actual("Gateway", "available", false, POLICY, List.of(),
                List.of("subnet-0a1b2c3d"), List.of(), true), POLICIES).drifted()).isFalse();
    }

    @Test
    void routeTablesStateAndGoneEndpointsAreDrift() {
        DriftReport moved = Drift.compare(approved(POLICY), actual(POLICY, List.of("rtb-0a1b2c3d", "rtb-0a1b2c3e")),
                POLICIES);
        assertThat(moved.differences()).singleElement().satisfies(d -> {
            assertThat(d.setting()).isEqualTo("routeTables");
            assertThat(d.approved()).isEqualTo("rtb-0a1b2c3d");
            assertThat(d.actual()).isEqualTo("rtb-0a1b2c3d, rtb-0a1b2c3e");
        });
        DriftReport gone = Drift.compare(approved(POLICY), new Actual("Gateway", "available", true, POLICY,
                List.of("rtb-0a1b2c3d"), List.of(), List.of(), false), POLICIES);
        assertThat(Drift.summary(gone)).isEqualTo("state");
        DriftReport failed = Drift.compare(approved(POLICY), new Actual("Gateway", "Failed", false, POLICY,
                List.of("rtb-0a1b2c3d"), List.of(), List.of(), false), POLICIES);
        assertThat(failed.differences()).singleElement().satisfies(d -> assertThat(d.actual()).isEqualTo("Failed"));
        DriftReport pending = Drift.compare(approved(POLICY), new Actual("Gateway", "pendingAcceptance", false, POLICY,
                List.of("rtb-0a1b2c3d"), List.of(), List.of(), false), POLICIES);
        assertThat(pending.drifted()).isFalse();
    }

    /** The policy module's facade, built as Spring builds it (its constructor is the module's own). */
    private static PolicyManagement policies() {
        try {
            Constructor<PolicyManagement> constructor = PolicyManagement.class.getDeclaredConstructor(Clock.class);
            constructor.setAccessible(true);
            return constructor.newInstance(Clock.systemUTC());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
