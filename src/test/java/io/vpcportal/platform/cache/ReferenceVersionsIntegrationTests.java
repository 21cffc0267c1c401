package io.vpcportal.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.PortalIntegrationTest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The version counters move with every change that makes a cached copy wrong, whoever writes it (here plain SQL, as
 * an operator or another instance would), and not with writes that change nothing a cache holds.
 */
@PortalIntegrationTest
class ReferenceVersionsIntegrationTests {

    @Autowired
    ReferenceVersions versions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void templateAndAccountChangesMoveTheirVersionInTheirOwnTransaction() {
        long catalog = versions.current("catalog");
        long account = versions.current("account");
        jdbc.update("update template_regional_service set service_name = service_name where false");
        assertThat(versions.current("catalog")).as("a statement that touched no row still counts: cheap and safe")
                .isGreaterThan(catalog);
        catalog = versions.current("catalog");
        String newest = "template_key = 'glue' and version = (select max(version) from endpoint_template "
                + "where template_key = 'glue')";
        String description = jdbc.queryForObject("select description from endpoint_template where " + newest, String.class);
        jdbc.update("update endpoint_template set description = description || ' (edited)' where " + newest);
        assertThat(versions.current("catalog")).isEqualTo(catalog + 1);
        jdbc.update("update endpoint_template set description = ? where " + newest, description);
        assertThat(versions.current("catalog")).isEqualTo(catalog + 2);
        assertThat(versions.current("account")).isEqualTo(account);

        jdbc.update("update aws_account set name = name where id = '111111111111'");
        assertThat(versions.current("account")).as("an update that changes nothing").isEqualTo(account);
        String name = jdbc.queryForObject("select name from aws_account where id = '111111111111'", String.class);
        jdbc.update("update aws_account set name = name || ' (edited)' where id = '111111111111'");
        assertThat(versions.current("account")).isEqualTo(account + 1);
        jdbc.update("update aws_account set name = ? where id = '111111111111'", name);
    }

    @Test
    void aTokensLastUseDoesNotMoveTheIdentityVersionButARevocationDoes() {
        jdbc.update("insert into api_token (id, user_id, name, token_hash, token_prefix, created_at) "
                + "select gen_random_uuid(), id, 'versions', md5(random()::text), 'vpcp_x', now() from portal_user "
                + "where username = 'requester'");
        long identity = versions.current("identity");
        jdbc.update("update api_token set last_used_at = now() where name = 'versions'");
        assertThat(versions.current("identity")).isEqualTo(identity);
        jdbc.update("update api_token set revoked_at = now() where name = 'versions'");
        assertThat(versions.current("identity")).isEqualTo(identity + 1);
        jdbc.update("update portal_user set access_version = access_version + 1 where username = 'net-approver'");
        assertThat(versions.current("identity")).isEqualTo(identity + 2);
    }

    @Test
    void theCacheServesAnEntryOnlyAtTheVersionItWasLoadedAt() {
        VersionedCache<String, String> cache = new VersionedCache<>("catalog", versions, 10);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("k", k -> Optional.of("v" + loads.incrementAndGet()))).contains("v1");
        assertThat(cache.get("k", k -> Optional.of("v" + loads.incrementAndGet()))).contains("v1");
        jdbc.update("update reference_version set version = version + 1 where name = 'catalog'");
        assertThat(cache.get("k", k -> Optional.of("v" + loads.incrementAndGet()))).contains("v2");
        assertThat(cache.get("gone", k -> Optional.empty())).isEmpty();
        assertThat(cache.size()).isEqualTo(1);
        for (int i = 0; i < 12; i++) {
            cache.get("key" + i, k -> Optional.of(k));
        }
        assertThat(cache.size()).as("bounded").isLessThanOrEqualTo(10);
    }

    @Test
    void insideReadingOnceEveryLookUpAnswersFromOneReadOfAllCountersAndOutsideItReadsAgain() {
        long catalogBefore = versions.current("catalog");
        long accountBefore = versions.current("account");
        long[] seen = versions.readingOnce(() -> {
            long catalog = versions.current("catalog");
            // a change committed by someone else after the first look-up: not seen inside, by design
            jdbc.update("update reference_version set version = version + 1 where name in ('catalog', 'account')");
            long[] nested = versions.readingOnce(() -> new long[] {versions.current("catalog"),
                    versions.current("account")});
            return new long[] {catalog, versions.current("catalog"), versions.current("account"), nested[0], nested[1],
                    versions.current("identity")};
        });
        assertThat(seen[0]).isEqualTo(catalogBefore);
        assertThat(seen[1]).as("the same read").isEqualTo(catalogBefore);
        assertThat(seen[2]).as("read with the first look-up, before the change").isEqualTo(accountBefore);
        assertThat(seen[3]).as("a nested call shares the read").isEqualTo(catalogBefore);
        assertThat(seen[4]).isEqualTo(accountBefore);
        assertThat(seen[5]).isEqualTo(jdbc.queryForObject("select version from reference_version where name = 'identity'",
                Long.class));
        assertThat(versions.current("catalog")).as("after it, every look-up reads again").isEqualTo(catalogBefore + 1);
        assertThat(versions.current("account")).isEqualTo(accountBefore + 1);
        assertThat(versions.readingOnce(() -> versions.current("catalog"))).as("a new call reads again")
                .isEqualTo(catalogBefore + 1);
    }

    @Test
    void aCounterThatDoesNotExistFailsInsideReadingOnceToo() {
        assertThatThrownBy(() -> versions.readingOnce(() -> versions.current("nope")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> versions.current("nope"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nope");
    }
}
