package io.vpcportal.approval;

import static io.vpcportal.approval.ApprovalMode.ALL;
import static io.vpcportal.approval.ApprovalMode.ANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.approval.internal.ApprovalCase;
import io.vpcportal.approval.internal.ApprovalDecision;
import io.vpcportal.approval.internal.CaseStage;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The approval case decides when a stage is complete: one approval for ANY, every eligible approver for ALL,
 * and never on approvals from the requesting team alone. Decisions of an earlier round never count.
 */
class ApprovalCaseTests {

    private static final UUID REQUEST = UUID.randomUUID();
    private static final UUID RILEY = UUID.randomUUID(); // the requester, team payments
    private static final UUID PAT = UUID.randomUUID(); // a payments colleague who also approves for network
    private static final UUID NOOR = UUID.randomUUID(); // network approver
    private static final UUID NIKO = UUID.randomUUID(); // network approver
    private static final UUID SAM = UUID.randomUUID(); // security approver
    private static final Set<UUID> NOBODY = Set.of();
    private static final Instant SUBMITTED = Instant.parse("2025-04-01T08:00:00Z");
    private static final Instant LATER = SUBMITTED.plusSeconds(600);
    private static final Instant MUCH_LATER = SUBMITTED.plusSeconds(7200);

    @Test
    void aSubmissionActivatesTheFirstOfItsStages() {
        ApprovalCase approval = submitted(stage("network", ANY), stage("security", ANY));

        assertThat(approval.round()).isEqualTo(1);
        assertThat(approval.status()).isEqualTo(CaseStatus.PENDING);
        assertThat(approval.currentStage()).isEqualTo(1);
        assertThat(approval.submittedAt()).isEqualTo(SUBMITTED);
        assertThat(approval.decidedAt()).isNull();
        assertThat(approval.matchedRules()).containsExactly("test rule");
        assertThat(approval.stages()).extracting(CaseStage::status)
                .containsExactly(StageStatus.ACTIVE, StageStatus.WAITING);
        assertThat(approval.stages().get(0).startedAt()).isEqualTo(SUBMITTED);
        assertThat(approval.stages().get(1).startedAt()).isNull();
        assertThat(approval.activeStage()).map(CaseStage::approverTeam).contains("network");
    }

    @Test
    void oneOutsideApprovalCompletesAnAnyStageAndActivatesTheNext() {
        ApprovalCase approval = submitted(stage("network", ANY), stage("security", ANY));

        CaseStatus after = approval.decide(NOOR, "noor", Decision.APPROVE, null, Set.of(NOOR, NIKO), NOBODY, LATER);

        assertThat(after).isEqualTo(CaseStatus.PENDING);
        assertThat(approval.currentStage()).isEqualTo(2);
        assertThat(approval.stages()).extracting(CaseStage::status)
                .containsExactly(StageStatus.APPROVED, StageStatus.ACTIVE);
        assertThat(approval.stages().get(0).completedAt()).isEqualTo(LATER);
        assertThat(approval.stages().get(1).startedAt()).isEqualTo(LATER);
        assertThat(approval.activeStage()).map(CaseStage::approverTeam).contains("security");
    }

    @Test
    void theLastStageApprovedApprovesTheCase() {
        ApprovalCase approval = submitted(stage("network", ANY), stage("security", ANY));
        approval.decide(NOOR, "noor", Decision.APPROVE, null, Set.of(NOOR), NOBODY, LATER);

        CaseStatus after = approval.decide(SAM, "sam", Decision.APPROVE, "fine", Set.of(SAM), NOBODY, MUCH_LATER);

        assertThat(after).isEqualTo(CaseStatus.APPROVED);
        assertThat(approval.decidedAt()).isEqualTo(MUCH_LATER);
        assertThat(approval.activeStage()).isEmpty();
        assertThat(approval.stages()).extracting(CaseStage::status)
                .containsExactly(StageStatus.APPROVED, StageStatus.APPROVED);
        assertThat(approval.decisions()).extracting(ApprovalDecision::decidedByName, ApprovalDecision::stagePosition,
                ApprovalDecision::comment).containsExactly(
                org.assertj.core.groups.Tuple.tuple("noor", 1, null),
                org.assertj.core.groups.Tuple.tuple("sam", 2, "fine"));
    }

    @Test
    void anAllStageWaitsForEveryEligibleApprover() {
        ApprovalCase approval = submitted(stage("network", ALL));
        Set<UUID> eligible = Set.of(NOOR, NIKO);

        assertThat(approval.decide(NOOR, "noor", Decision.APPROVE, null, eligible, NOBODY, LATER))
                .isEqualTo(CaseStatus.PENDING);
        assertThat(approval.currentStage()).isEqualTo(1);
        assertThat(approval.stages().get(0).status()).isEqualTo(StageStatus.ACTIVE);

        assertThat(approval.decide(NIKO, "niko", Decision.APPROVE, null, eligible, NOBODY, MUCH_LATER))
                .isEqualTo(CaseStatus.APPROVED);
        assertThat(approval.stages().get(0).status()).isEqualTo(StageStatus.APPROVED);
    }

    @Test
    void anAllStageDoesNotWaitForTheRequesterEvenWhenTheyAreAnEligibleApprover() {
        ApprovalCase approval = submitted(stage("network", ALL));

        CaseStatus after = approval.decide(NOOR, "noor", Decision.APPROVE, null, Set.of(NOOR, RILEY), NOBODY, LATER);

        assertThat(after).isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void anApprovalFromTheRequestingTeamAloneDoesNotCompleteAnAnyStage() {
        ApprovalCase approval = submitted(stage("network", ANY));

        CaseStatus after = approval.decide(PAT, "pat", Decision.APPROVE, null, Set.of(PAT, NOOR), Set.of(PAT), LATER);

        assertThat(after).as("a member of the requesting team cannot be the only approver")
                .isEqualTo(CaseStatus.PENDING);
        assertThat(approval.stages().get(0).status()).isEqualTo(StageStatus.ACTIVE);
        assertThat(approval.decide(NOOR, "noor", Decision.APPROVE, null, Set.of(PAT, NOOR), Set.of(PAT), MUCH_LATER))
                .as("an outsider's approval completes the stage").isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void anAllStageOfOnlyRequestingTeamMembersNeverCompletes() {
        ApprovalCase approval = submitted(stage("network", ALL));
        Set<UUID> insiders = Set.of(PAT, NIKO);

        approval.decide(PAT, "pat", Decision.APPROVE, null, insiders, insiders, LATER);
        CaseStatus after = approval.decide(NIKO, "niko", Decision.APPROVE, null, insiders, insiders, MUCH_LATER);

        assertThat(after).as("every eligible approver approved, but all of them belong to the requesting team")
                .isEqualTo(CaseStatus.PENDING);
        assertThat(approval.stages().get(0).status()).isEqualTo(StageStatus.ACTIVE);
    }

    @Test
    void anAllStageWithAnInsiderCompletesOnceTheOutsiderApprovesToo() {
        ApprovalCase approval = submitted(stage("network", ALL));
        Set<UUID> eligible = Set.of(PAT, NOOR);

        assertThat(approval.decide(NOOR, "noor", Decision.APPROVE, null, eligible, Set.of(PAT), LATER))
                .as("the insider has not approved yet").isEqualTo(CaseStatus.PENDING);
        assertThat(approval.decide(PAT, "pat", Decision.APPROVE, null, eligible, Set.of(PAT), MUCH_LATER))
                .isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void aRejectionEndsTheCaseAtOnce() {
        ApprovalCase approval = submitted(stage("network", ALL), stage("security", ANY));

        CaseStatus after = approval.decide(NOOR, "noor", Decision.REJECT, "public bucket", Set.of(NOOR, NIKO), NOBODY,
                LATER);

        assertThat(after).isEqualTo(CaseStatus.REJECTED);
        assertThat(approval.decidedAt()).isEqualTo(LATER);
        assertThat(approval.stages()).extracting(CaseStage::status)
                .containsExactly(StageStatus.REJECTED, StageStatus.WAITING);
        assertThat(approval.activeStage()).isEmpty();
        assertThatThrownBy(() -> approval.decide(NIKO, "niko", Decision.APPROVE, null, Set.of(NOOR, NIKO), NOBODY,
                MUCH_LATER)).isInstanceOf(ConflictException.class).hasMessageContaining("not waiting for a decision");
    }

    @Test
    void requestingChangesSendsTheCaseBack() {
        ApprovalCase approval = submitted(stage("network", ANY), stage("security", ANY));
        approval.decide(NOOR, "noor", Decision.APPROVE, null, Set.of(NOOR), NOBODY, LATER);

        CaseStatus after = approval.decide(SAM, "sam", Decision.REQUEST_CHANGES, "name the buckets", Set.of(SAM),
                NOBODY, MUCH_LATER);

        assertThat(after).isEqualTo(CaseStatus.CHANGES_REQUESTED);
        assertThat(approval.decidedAt()).isEqualTo(MUCH_LATER);
        assertThat(approval.activeStage()).isEmpty();
        assertThat(approval.decisions()).last().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(Decision.REQUEST_CHANGES);
            assertThat(d.comment()).isEqualTo("name the buckets");
        });
    }

    @Test
    void aNewRoundStartsFromTheFirstStageAndForgetsEarlierApprovals() {
        ApprovalCase approval = submitted(stage("network", ANY), stage("security", ANY));
        approval.decide(NOOR, "noor", Decision.APPROVE, null, Set.of(NOOR), NOBODY, LATER);
        approval.decide(SAM, "sam", Decision.REQUEST_CHANGES, "name the buckets", Set.of(SAM), NOBODY, LATER);
        Instant resubmitted = MUCH_LATER;

        approval.startRound(List.of(stage("network", ANY), stage("security", ANY)), List.of("test rule"), false,
                resubmitted);

        assertThat(approval.round()).isEqualTo(2);
        assertThat(approval.status()).isEqualTo(CaseStatus.PENDING);
        assertThat(approval.currentStage()).as("round 1's approval of stage 1 does not count").isEqualTo(1);
        assertThat(approval.submittedAt()).isEqualTo(resubmitted);
        assertThat(approval.decidedAt()).isNull();
        assertThat(approval.stages()).extracting(CaseStage::status)
                .containsExactly(StageStatus.ACTIVE, StageStatus.WAITING);
        assertThat(approval.decisions()).as("earlier rounds stay on record").hasSize(2)
                .allMatch(d -> d.round() == 1);
        assertThat(approval.decide(NOOR, "noor", Decision.APPROVE, null, Set.of(NOOR), NOBODY, resubmitted))
                .as("the round-1 approver may approve again").isEqualTo(CaseStatus.PENDING);
        assertThat(approval.currentStage()).isEqualTo(2);
    }

    @Test
    void anAllStageInANewRoundNeedsEveryApprovalAgain() {
        ApprovalCase approval = submitted(stage("network", ALL));
        Set<UUID> eligible = Set.of(NOOR, NIKO);
        approval.decide(NOOR, "noor", Decision.APPROVE, null, eligible, NOBODY, LATER);
        approval.decide(NIKO, "niko", Decision.REQUEST_CHANGES, "wrong VPC", eligible, NOBODY, LATER);
        approval.startRound(List.of(stage("network", ALL)), List.of("test rule"), false, MUCH_LATER);

        CaseStatus after = approval.decide(NIKO, "niko", Decision.APPROVE, null, eligible, NOBODY, MUCH_LATER);

        assertThat(after).as("noor approved in round 1 only").isEqualTo(CaseStatus.PENDING);
        assertThat(approval.decide(NOOR, "noor", Decision.APPROVE, null, eligible, NOBODY, MUCH_LATER))
                .isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void nobodyDecidesTheSameStageTwice() {
        ApprovalCase approval = submitted(stage("network", ALL));
        Set<UUID> eligible = Set.of(NOOR, NIKO);
        approval.decide(NOOR, "noor", Decision.APPROVE, null, eligible, NOBODY, LATER);

        assertThatThrownBy(() -> approval.decide(NOOR, "noor", Decision.APPROVE, null, eligible, NOBODY, MUCH_LATER))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already decided on stage 1");
        assertThatThrownBy(() -> approval.decide(NOOR, "noor", Decision.REJECT, "changed my mind", eligible, NOBODY,
                MUCH_LATER)).isInstanceOf(ConflictException.class);
        assertThat(approval.decisions()).hasSize(1);
        assertThat(approval.status()).isEqualTo(CaseStatus.PENDING);
    }

    @Test
    void theRequesterCannotDecide() {
        ApprovalCase approval = submitted(stage("network", ANY));

        for (Decision decision : Decision.values()) {
            assertThatThrownBy(() -> approval.decide(RILEY, "riley", decision, "mine", Set.of(RILEY, NOOR), NOBODY,
                    LATER)).as("%s", decision).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("requester cannot decide");
        }
        assertThat(approval.decisions()).isEmpty();
        assertThat(approval.status()).isEqualTo(CaseStatus.PENDING);
    }

    @Test
    void aPendingCaseCannotStartAnotherRound() {
        ApprovalCase approval = submitted(stage("network", ANY));

        assertThatThrownBy(() -> approval.startRound(List.of(stage("network", ANY)), List.of("r"), false, LATER))
                .isInstanceOf(ConflictException.class);
        assertThat(approval.round()).isEqualTo(1);
    }

    @Test
    void anAutomaticRoundIsApprovedWithoutStages() {
        ApprovalCase approval = new ApprovalCase(REQUEST, RILEY, "payments");

        approval.startRound(List.of(), List.of("restricted gateways"), true, SUBMITTED);

        assertThat(approval.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(approval.automatic()).isTrue();
        assertThat(approval.decidedAt()).isEqualTo(SUBMITTED);
        assertThat(approval.activeStage()).isEmpty();
        assertThatThrownBy(() -> approval.decide(NOOR, "noor", Decision.APPROVE, null, Set.of(NOOR), NOBODY, LATER))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void closingEndsACaseWaitingForApproversOrForChangesButNoDecidedOne() {
        ApprovalCase pending = submitted(stage("network", ANY));
        pending.close(CaseStatus.EXPIRED, LATER);
        assertThat(pending.status()).isEqualTo(CaseStatus.EXPIRED);
        assertThat(pending.decidedAt()).isEqualTo(LATER);

        ApprovalCase sentBack = submitted(stage("network", ANY));
        sentBack.decide(NOOR, "noor", Decision.REQUEST_CHANGES, "which VPC?", Set.of(NOOR), NOBODY, LATER);
        sentBack.close(CaseStatus.CANCELLED, MUCH_LATER);
        assertThat(sentBack.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(sentBack.decidedAt()).isEqualTo(MUCH_LATER);

        ApprovalCase rejected = submitted(stage("network", ANY));
        rejected.decide(NOOR, "noor", Decision.REJECT, "no", Set.of(NOOR), NOBODY, LATER);
        rejected.close(CaseStatus.EXPIRED, MUCH_LATER);
        assertThat(rejected.status()).isEqualTo(CaseStatus.REJECTED);

        ApprovalCase approved = submitted(stage("network", ANY));
        approved.decide(NOOR, "noor", Decision.APPROVE, null, Set.of(NOOR), NOBODY, LATER);
        approved.close(CaseStatus.CANCELLED, MUCH_LATER);
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(approved.decidedAt()).isEqualTo(LATER);
    }

    private static ApprovalCase submitted(StageDefinition... stages) {
        ApprovalCase approval = new ApprovalCase(REQUEST, RILEY, "payments");
        approval.startRound(List.of(stages), List.of("test rule"), false, SUBMITTED);
        return approval;
    }

    private static StageDefinition stage(String team, ApprovalMode mode) {
        return new StageDefinition(new TeamId(team), mode);
    }
}
