package io.vpcportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.DemoPortalTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The trail is append-only in PostgreSQL itself: through the portal's own DataSource (which connects as the
 * superuser here, so privileges cannot be what stops it) rows can be added but never changed or removed.
 */
@DemoPortalTest
class AppendOnlyAuditTableIntegrationTests {

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;
    long id;

    @BeforeEach
    void oneRow() {
        jdbc = new JdbcTemplate(dataSource);
        id = jdbc.queryForObject("""
                insert into audit_event (occurred_at, actor, action, subject_type, subject_id, after_state, detail)
                values (now(), 'tester', 'ACCOUNT_CHANGED', 'ACCOUNT', '999999999999', '{"name":"x"}', 'original')
                returning id""", Long.class);
    }

    @Test
    void updateFails() {
        assertThatThrownBy(() -> jdbc.update("update audit_event set detail = 'forged' where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("audit_event is append-only: UPDATE is not allowed");
        assertThat(jdbc.queryForObject("select detail from audit_event where id = ?", String.class, id))
                .isEqualTo("original");
    }

    @Test
    void deleteFails() {
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("audit_event is append-only: DELETE is not allowed");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where id = ?", Long.class, id)).isEqualTo(1);
    }

    @Test
    void truncateFails() {
        long rows = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("audit_event is append-only: TRUNCATE is not allowed");
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(rows);
    }

    @Test
    void theRoleRunningTheMigrationsHasNoUpdateDeleteOrTruncatePrivilegeEither() {
        assertThat(jdbc.queryForList("""
                select privilege_type from information_schema.role_table_grants
                 where table_name = 'audit_event' and grantee in ('PUBLIC', current_user)
                   and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')""", String.class)).isEmpty();
    }
}
