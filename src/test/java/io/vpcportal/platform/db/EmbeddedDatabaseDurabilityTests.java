package io.vpcportal.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL keeps what it answered as committed: the embedding library starts it with fsync and
 * synchronous commit off, which loses or corrupts data on a power loss.
 */
@PortalIntegrationTest
class EmbeddedDatabaseDurabilityTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void writesReachTheDiskBeforeACommitIsAnswered() {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    private String setting(String name) {
        return jdbc.queryForObject("show " + name, String.class);
    }
}
