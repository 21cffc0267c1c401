package io.vpcportal.approval.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApprovalRuleRepository extends JpaRepository<ApprovalRule, UUID> {

    /** The newest version of every rule, in the order they are tried. */
    @Query("""
            select r from ApprovalRule r
            where r.version = (select max(o.version) from ApprovalRule o where o.key = r.key)
            order by r.priority, r.key""")
    List<ApprovalRule> findLatestVersions();

    Optional<ApprovalRule> findFirstByKeyOrderByVersionDesc(String key);

    List<ApprovalRule> findByKeyOrderByVersionDesc(String key);
}
