package io.vpcportal.organization.internal;

import io.vpcportal.account.AccountEnvironment;
import io.vpcportal.organization.OrganizationSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one organization source row and its OU-to-team table. */
@Repository
public class OrganizationSourceStore {

    private final JdbcClient jdbc;

    OrganizationSourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrganizationSource> find() {
        Map<String, String> ouTeams = new TreeMap<>();
        jdbc.sql("select ou_id, team_id from organization_ou_team").query((ResultSet rs) -> {
            ouTeams.put(rs.getString(1), rs.getString(2));
        });
        return jdbc.sql("""
                select role_arn, external_id, include_ous, skip_ous, member_role_pattern, regions, environment,
                       team_tag_key, updated_at, updated_by
                from organization_source where id = 1""")
                .query((rs, n) -> new OrganizationSource(rs.getString(1), rs.getString(2), strings(rs.getArray(3)),
                        strings(rs.getArray(4)), rs.getString(5), strings(rs.getArray(6)),
                        AccountEnvironment.valueOf(rs.getString(7)), rs.getString(8), ouTeams,
                        rs.getTimestamp(9).toInstant(), rs.getString(10)))
                .optional();
    }

    /** Replaces the source and its OU-to-team table (in the caller's transaction). */
    public void save(OrganizationSource source) {
        jdbc.sql("""
                insert into organization_source (id, role_arn, external_id, include_ous, skip_ous, member_role_pattern,
                    regions, environment, team_tag_key, updated_at, updated_by)
                values (1, :roleArn, :externalId, :includeOus, :skipOus, :pattern, :regions, :environment, :tagKey,
                    :updatedAt, :updatedBy)
                on conflict (id) do update set role_arn = excluded.role_arn, external_id = excluded.external_id,
                    include_ous = excluded.include_ous, skip_ous = excluded.skip_ous,
                    member_role_pattern = excluded.member_role_pattern, regions = excluded.regions,
                    environment = excluded.environment, team_tag_key = excluded.team_tag_key,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    version = organization_source.version + 1""")
                .param("roleArn", source.roleArn()).param("externalId", source.externalId())
                .param("includeOus", source.includeOus().toArray(String[]::new))
                .param("skipOus", source.skipOus().toArray(String[]::new))
                .param("pattern", source.memberRolePattern())
                .param("regions", source.regions().toArray(String[]::new))
                .param("environment", source.environment().name()).param("tagKey", source.teamTagKey())
                .param("updatedAt", Timestamp.from(source.updatedAt())).param("updatedBy", source.updatedBy())
                .update();
        jdbc.sql("delete from organization_ou_team").update();
        source.ouTeams().forEach((ou, team) -> jdbc.sql("insert into organization_ou_team (ou_id, team_id) values (?, ?)")
                .params(ou, team).update());
    }

    /** Where the rotating tag refresh of known accounts goes on: the last account id refreshed. */
    public Optional<String> tagCursor() {
        return jdbc.sql("select account_id from organization_tag_cursor where id = 1").query(String.class).optional();
    }

    public void moveTagCursor(String accountId) {
        jdbc.sql("""
                insert into organization_tag_cursor (id, account_id) values (1, ?)
                on conflict (id) do update set account_id = excluded.account_id""").param(accountId).update();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
