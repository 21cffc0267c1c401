package io.vpcportal.approval.internal;

import io.vpcportal.approval.CaseStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApprovalCaseRepository extends JpaRepository<ApprovalCase, UUID> {

    /** Deciders queue behind each other: the second of two concurrent approvals sees the first one's outcome. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ApprovalCase c where c.requestId = :requestId")
    Optional<ApprovalCase> findForDecision(UUID requestId);

    List<ApprovalCase> findByStatusOrderBySubmittedAtAsc(CaseStatus status);

    List<ApprovalCase> findByStatusAndSubmittedAtBefore(CaseStatus status, Instant before);

    List<ApprovalCase> findByStatusAndDecidedAtBefore(CaseStatus status, Instant before);
}
