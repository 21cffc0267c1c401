package io.vpcportal.account.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AwsAccountRepository extends JpaRepository<AwsAccount, String> {

    @Query("select distinct a from AwsAccount a join a.teams t where t in :teams order by a.id")
    List<AwsAccount> findUsableBy(java.util.Collection<String> teams);

    List<AwsAccount> findAllByOrderByIdAsc();
}
