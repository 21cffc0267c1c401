package io.vpcportal.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.PortalRepositoryTest;
import io.vpcportal.catalog.EndpointType;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** Template versions in real PostgreSQL: the seeded catalog, and edits that never rewrite a version. */
@PortalRepositoryTest
class EndpointTemplateRepositoryTests {

    @Autowired
    EndpointTemplateRepository templates;

    @Autowired
    EntityManager entityManager;

    @Test
    void theMigrationsSeedTheCatalog() {
        List<EndpointTemplate> latest = templates.findLatestVersions();

        assertThat(latest).hasSize(22).allSatisfy(t -> assertThat(t.version()).isEqualTo(1));
        assertThat(latest).filteredOn(EndpointTemplate::partner).extracting(EndpointTemplate::key)
                .containsExactlyInAnyOrder("datadog-logs", "datadog-api", "datadog-metrics");
        EndpointTemplate s3 = templates.findFirstByKeyOrderByVersionDesc("s3-gateway").orElseThrow();
        assertThat(s3.endpointType()).isEqualTo(EndpointType.Gateway);
        assertThat(s3.fields()).extracting(FieldDefinition::name).containsExactly("routeTableIds", "policyChoice", "bucketNames");
        EndpointTemplate logs = templates.findFirstByKeyOrderByVersionDesc("datadog-logs").orElseThrow();
        assertThat(logs.regionalServices()).extracting(RegionalService::region)
                .containsExactly("ap-northeast-1", "ap-southeast-2", "us-east-1");
    }

    @Test
    void anEditIsANewVersionAndTheOldOneStaysAsItWas() {
        EndpointTemplate v1 = templates.findByKeyAndVersion("sts", 1).orElseThrow();
        String originalName = v1.name();
        List<FieldDefinition> fields = List.of(new FieldDefinition(1, "subnetIds", "Subnets (one per AZ)", true, null, null),
                new FieldDefinition(2, "policyChoice", "Policy", true, "full-access", null));

        templates.saveAndFlush(EndpointTemplate.nextVersion(v1, "AWS STS (regional)", "Regional STS", "Security",
                new String[] {"eu-west-1", "us-east-1"}, "full-access", false, fields, "admin", Instant.now()));
        entityManager.clear();

        assertThat(templates.findByKeyOrderByVersionDesc("sts")).extracting(EndpointTemplate::version).containsExactly(2, 1);
        EndpointTemplate old = templates.findByKeyAndVersion("sts", 1).orElseThrow();
        assertThat(old.name()).isEqualTo(originalName);
        assertThat(old.regions()).isNull();
        assertThat(old.fields()).extracting(FieldDefinition::name).containsExactly("subnetIds", "securityGroupIds",
                "privateDns", "policyChoice");
        EndpointTemplate current = templates.findFirstByKeyOrderByVersionDesc("sts").orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.name()).isEqualTo("AWS STS (regional)");
        assertThat(current.regions()).containsExactly("eu-west-1", "us-east-1");
        assertThat(current.fields()).extracting(FieldDefinition::label).containsExactly("Subnets (one per AZ)", "Policy");
        assertThat(current.createdBy()).isEqualTo("admin");
        assertThat(templates.findLatestVersions()).filteredOn(t -> t.key().equals("sts"))
                .singleElement().extracting(EndpointTemplate::version).isEqualTo(2);
    }

    @Test
    void aPartnerTemplateKeepsItsRegionalServicesInTheNextVersion() {
        EndpointTemplate v1 = templates.findByKeyAndVersion("datadog-logs", 1).orElseThrow();

        templates.saveAndFlush(EndpointTemplate.nextVersion(v1, v1.name(), "new text", v1.category(), v1.regions(),
                v1.defaultPolicy(), false, v1.fields(), "admin", Instant.now()));
        entityManager.clear();

        assertThat(templates.findByKeyAndVersion("datadog-logs", 2).orElseThrow().regionalServices())
                .extracting(RegionalService::serviceName)
                .containsExactlyElementsOf(v1.regionalServices().stream().map(RegionalService::serviceName).toList());
        assertThat(templates.findByKeyAndVersion("datadog-logs", 1).orElseThrow().regionalServices()).hasSize(3);
    }

    @Test
    void aVersionCannotBeWrittenTwice() {
        EndpointTemplate v1 = templates.findByKeyAndVersion("kms", 1).orElseThrow();
        templates.saveAndFlush(EndpointTemplate.nextVersion(v1, "KMS", "one", "Security", null, "organization", false,
                v1.fields(), "admin", Instant.now()));

        assertThatThrownBy(() -> templates.saveAndFlush(EndpointTemplate.nextVersion(v1, "KMS", "two", "Security", null,
                "organization", false, v1.fields(), "admin", Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
