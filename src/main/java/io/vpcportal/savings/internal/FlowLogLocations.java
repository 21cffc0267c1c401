package io.vpcportal.savings.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each account delivers its VPC Flow Logs: a bucket and a key prefix (before {@code AWSLogs/}). */
@Repository
public class FlowLogLocations {

    /** A bucket and prefix. */
    public record Location(String bucket, String prefix) {
    }

    private final JdbcClient jdbc;

    FlowLogLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Location> of(String accountId) {
        return jdbc.sql("select bucket, prefix from savings_flow_log_location where account_id = :id")
                .param("id", accountId).query((rs, n) -> new Location(rs.getString(1), rs.getString(2))).optional();
    }

    public Map<String, Location> all() {
        Map<String, Location> all = new TreeMap<>();
        jdbc.sql("select account_id, bucket, prefix from savings_flow_log_location").query(rs -> {
            all.put(rs.getString(1), new Location(rs.getString(2), rs.getString(3)));
        });
        return all;
    }

    public void set(String accountId, Location location) {
        if (location == null) {
            jdbc.sql("delete from savings_flow_log_location where account_id = :id").param("id", accountId).update();
            return;
        }
        jdbc.sql("""
                insert into savings_flow_log_location (account_id, bucket, prefix) values (:id, :bucket, :prefix)
                on conflict (account_id) do update set bucket = excluded.bucket, prefix = excluded.prefix,
                                                       updated_at = now()""")
                .param("id", accountId).param("bucket", location.bucket()).param("prefix", location.prefix())
                .update();
    }
}
