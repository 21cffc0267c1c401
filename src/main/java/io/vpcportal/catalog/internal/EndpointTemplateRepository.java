package io.vpcportal.catalog.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EndpointTemplateRepository extends JpaRepository<EndpointTemplate, UUID> {

    /** The newest version of every template. */
    @Query("""
            select t from EndpointTemplate t
            where t.version = (select max(o.version) from EndpointTemplate o where o.key = t.key)
            order by t.category, t.name""")
    List<EndpointTemplate> findLatestVersions();

    Optional<EndpointTemplate> findFirstByKeyOrderByVersionDesc(String key);

    Optional<EndpointTemplate> findByKeyAndVersion(String key, int version);

    List<EndpointTemplate> findByKeyOrderByVersionDesc(String key);
}
