package io.vpcportal.approval.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RequestCommentRepository extends JpaRepository<RequestComment, UUID> {

    List<RequestComment> findByRequestIdOrderByCreatedAtAsc(UUID requestId);
}
