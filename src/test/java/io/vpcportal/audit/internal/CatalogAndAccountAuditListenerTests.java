package io.vpcportal.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountEnvironment;
import java.time.Instant;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CatalogAndAccountAuditListenerTests {

    @Test
    void externalIdsKeepOnlyTheirLastFourCharacters() {
        assertThat(CatalogAndAccountAuditListener.mask("demo-external-id")).isEqualTo("****l-id");
        assertThat(CatalogAndAccountAuditListener.mask("123456789")).isEqualTo("****6789");
    }

    @Test
    void shortExternalIdsKeepNothing() {
        assertThat(CatalogAndAccountAuditListener.mask("12345678")).isEqualTo("****");
        assertThat(CatalogAndAccountAuditListener.mask("ab")).isEqualTo("****");
        assertThat(CatalogAndAccountAuditListener.mask(null)).isNull();
    }

    @Test
    void maskingLeavesTheRestOfTheAccountAsItWas() {
        AccountDetails account = new AccountDetails("111111111111", "sandbox", "arn:aws:iam::111111111111:role/x",
                "secret-external-id", AccountEnvironment.NON_PRODUCTION, new TreeSet<>(java.util.Set.of("eu-west-1")),
                new TreeSet<>(java.util.Set.of("payments")), Instant.EPOCH);
        AccountDetails masked = CatalogAndAccountAuditListener.masked(account);
        assertThat(masked.externalId()).isEqualTo("****l-id");
        assertThat(masked).usingRecursiveComparison().ignoringFields("externalId").isEqualTo(account);
        assertThat(AuditWriter.json(masked)).doesNotContain("secret-external-id")
                .contains("\"environment\":\"NON_PRODUCTION\",\"externalId\":\"****l-id\",\"id\":\"111111111111\"");
    }
}
