package io.vpcportal.identity.internal;

import io.vpcportal.identity.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PortalUserRepository extends JpaRepository<PortalUser, UUID> {

    Optional<PortalUser> findByUsername(String username);

    Optional<PortalUser> findByOidcIssuerAndOidcSubject(String oidcIssuer, String oidcSubject);

    @Query("""
            select distinct u from PortalUser u join u.roles r join u.teams t
            where r = Role.APPROVER and t = :team and u.enabled = true""")
    List<PortalUser> findApproversOf(String team);

    /** What a browser session compares on every request: one primary-key read, no collections. */
    @Query("select new io.vpcportal.identity.internal.AccountStamp(u.enabled, u.accessVersion, u.credentialsVersion) "
            + "from PortalUser u where u.id = :id")
    Optional<AccountStamp> findStampById(UUID id);

    @Query("select count(u) > 0 from PortalUser u join u.roles r where r = :role")
    boolean existsWithRole(Role role);
}
