package io.vpcportal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.AwsCallRecorder;
import io.vpcportal.RunsLast;
import io.vpcportal.aws.AwsActions;
import io.vpcportal.policy.internal.PolicyDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every AWS call the portal made in this test JVM against moto ({@link AwsCallRecorder}, run after every other test
 * class): member-account calls are in {@link AwsActions#MEMBER_ROLE} and allowed by the member-role policy,
 * Organizations calls are in {@link AwsActions#DISCOVERY_ROLE} and allowed by the discovery-role policy, STS calls are
 * the portal identity's own. Alone nothing is recorded, and the test fails saying so: it is never skipped.
 */
@RunsLast
class RecordedAwsCallsTests {

    @Test
    void everyRecordedCallIsListedAndAllowedByItsRolesPolicy() throws IOException {
        Path file = AwsCallRecorder.FOLDER.resolve("calls-" + ProcessHandle.current().pid() + ".txt");
        assertThat(file).as("no AWS call was recorded in this JVM: run this class together with the tests against moto, "
                + "for example ./mvnw verify, which runs it after all of them").exists();
        Set<String> recorded = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                recorded.add(AwsActions.iamAction(line.strip()));
            }
        }
        PolicyDocument member = DeployedRolePoliciesTests.policy(DeployedRolePoliciesTests.MEMBER_POLICY);
        PolicyDocument discovery = DeployedRolePoliciesTests.policy(DeployedRolePoliciesTests.DISCOVERY_POLICY);

        assertThat(recorded).isNotEmpty().allSatisfy(action -> {
            if (action.startsWith("organizations:")) {
                assertThat(AwsActions.DISCOVERY_ROLE).as("discovery actions").contains(action);
                assertThat(DeployedRolePoliciesTests.allowed(discovery, action)).as("discovery policy allows %s", action)
                        .isTrue();
            } else if (action.startsWith("sts:")) {
                assertThat(AwsActions.PORTAL_IDENTITY).as("the portal identity's actions").contains(action);
            } else {
                assertThat(AwsActions.MEMBER_ROLE).as("member-account actions").contains(action);
                assertThat(DeployedRolePoliciesTests.allowed(member, action)).as("member policy allows %s", action)
                        .isTrue();
            }
        });
        System.out.println("AWS actions the portal called in the tests (" + recorded.size() + "): " + recorded
                + "; listed but not called here: " + notCalled(recorded));
    }

    private static List<String> notCalled(Set<String> recorded) {
        Set<String> listed = new TreeSet<>(AwsActions.MEMBER_ROLE);
        listed.addAll(AwsActions.DISCOVERY_ROLE);
        listed.removeAll(recorded);
        return List.copyOf(listed);
    }
}
