package io.vpcportal.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.aws.AwsTarget;
import io.vpcportal.provisioning.ProvisioningDetails.PlannedCall;
import io.vpcportal.provisioning.ProvisioningSteps;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** Other modules' steps slot into a plan: checks after the role, work after the endpoints, undo before the deletes. */
class ExtraStepsTests {

    private static final RequestDetails REQUEST = new RequestDetails(UUID.randomUUID(), "hub", RequestStatus.APPROVED,
            "alice", "platform", "111111111111", "eu-west-1", "vpc-1", "why", null, null, Instant.EPOCH, Instant.EPOCH,
            Instant.EPOCH, List.of(), List.of());

    @Test
    void theStepsChecksComeBeforeTheEndpointsCallsAndTheirWorkAfterInOneNumbering() {
        List<PlannedCall> plan = extra(true).plan(REQUEST, List.of(call(1, null, "sts:AssumeRole"),
                call(2, 0, "ec2:CreateVpcEndpoint"), call(3, 0, "ec2:DescribeVpcEndpoints")));

        assertThat(plan).extracting(PlannedCall::action).containsExactly("sts:AssumeRole", "check",
                "ec2:CreateVpcEndpoint", "ec2:DescribeVpcEndpoints", "work");
        assertThat(plan).extracting(PlannedCall::seq).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void theUndoComesBeforeTheDeletes() {
        List<PlannedCall> plan = extra(true).undoPlan(REQUEST, List.of(call(1, null, "sts:AssumeRole"),
                call(2, 0, "ec2:DeleteVpcEndpoints")));

        assertThat(plan).extracting(PlannedCall::action).containsExactly("sts:AssumeRole", "undo", "ec2:DeleteVpcEndpoints");
        assertThat(plan).extracting(PlannedCall::seq).containsExactly(1, 2, 3);
    }

    @Test
    void aRequestNoStepHandlesKeepsItsPlan() {
        List<PlannedCall> creates = List.of(call(1, 0, "ec2:CreateVpcEndpoint"));

        assertThat(extra(false).plan(REQUEST, creates)).isSameAs(creates);
        assertThat(extra(false).undoPlan(REQUEST, creates)).isSameAs(creates);
        assertThat(extra(false).any(REQUEST)).isFalse();
    }

    private static ExtraSteps extra(boolean handles) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("steps", new ProvisioningSteps() {
            @Override
            public boolean handles(RequestDetails request) {
                return handles;
            }

            @Override
            public List<PlannedCall> preflightPlan(RequestDetails request, int firstSeq) {
                return List.of(call(firstSeq, 0, "check"));
            }

            @Override
            public List<PlannedCall> plan(RequestDetails request, int firstSeq) {
                return List.of(call(firstSeq, 0, "work"));
            }

            @Override
            public List<String> preflight(RequestDetails request, AwsTarget target) {
                return List.of();
            }

            @Override
            public void apply(RequestDetails request, AwsTarget target, Map<Integer, String> endpointIds) {
            }

            @Override
            public List<PlannedCall> undoPlan(RequestDetails request, int firstSeq) {
                return List.of(call(firstSeq, 0, "undo"));
            }

            @Override
            public void undo(RequestDetails request, AwsTarget target) {
            }
        });
        return new ExtraSteps(beans.getBeanProvider(ProvisioningSteps.class));
    }

    private static PlannedCall call(int seq, Integer position, String action) {
        return new PlannedCall(seq, position, action, action, "{}");
    }
}
