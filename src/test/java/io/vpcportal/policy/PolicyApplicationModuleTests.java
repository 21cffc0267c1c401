package io.vpcportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.account.AccountManagement;
import io.vpcportal.catalog.CatalogManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The policy module started alone (with the platform it builds on): its engine needs no other module, and the
 * documents it generates there are byte for byte those of the engine built by hand in the unit tests. Only its web
 * controller reads accounts (for an account's organization and break-glass roles), so that one module is replaced.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
class PolicyApplicationModuleTests {

    @Autowired
    PolicyManagement policies;
    @Autowired
    ApplicationContext context;
    @MockitoBean
    AccountManagement accounts;

    @Test
    void theModuleStartsAloneAndGeneratesTheSameDocuments() {
        GeneratedPolicies generated = policies.preview(PolicyFixtures.standard());
        GeneratedPolicies byHand = PolicyFixtures.management().preview(PolicyFixtures.standard());

        assertThat(generated.endpointPolicy()).isEqualTo(byHand.endpointPolicy()).contains(PolicyFixtures.BUCKET);
        assertThat(generated.bucketPolicies()).isEqualTo(byHand.bucketPolicies());
        assertThat(context.getBeanNamesForType(CatalogManagement.class))
                .as("no bean of another module is started").isEmpty();
    }
}
