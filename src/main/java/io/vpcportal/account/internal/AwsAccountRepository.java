package io.vpcportal.account.internal;

import io.vpcportal.account.AccountSource;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AwsAccountRepository extends JpaRepository<AwsAccount, String> {

    @Query("select distinct a from AwsAccount a join a.teams t where t in :teams order by a.id")
    List<AwsAccount> findUsableBy(Collection<String> teams);

    @Query("select distinct a from AwsAccount a join a.teams t where t in :teams and a.active = true order by a.id")
    List<AwsAccount> findActiveUsableBy(Collection<String> teams);

    List<AwsAccount> findAllByOrderByIdAsc();

    List<AwsAccount> findByActiveTrueOrderByIdAsc();

    List<AwsAccount> findBySourceOrderByIdAsc(AccountSource source);

    /** Active accounts whose id starts with, or name contains, the text; {@code teams} null for every account. */
    @Query("""
            select distinct a from AwsAccount a left join a.teams t
            where a.active = true and (a.id like concat(:text, '%') or lower(a.name) like concat('%', lower(:text), '%'))
              and (:allTeams = true or t in :teams)
            order by a.id""")
    List<AwsAccount> search(String text, boolean allTeams, Collection<String> teams,
            Limit limit);
}
