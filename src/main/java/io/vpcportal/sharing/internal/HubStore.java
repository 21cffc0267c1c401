package io.vpcportal.sharing.internal;

import io.vpcportal.sharing.HubSpoke;
import io.vpcportal.sharing.SharedEndpointDetails;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sharing tables: a hub per request, its spokes, and the zones provisioning created for it. */
@Repository
public class HubStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    HubStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a hub once; a replay of the same request changes nothing. */
    public void save(SharedEndpointDetails hub) {
        int created = jdbc.sql("""
                insert into sharing_hub (request_id, hub_account, region, hub_vpc_id, service_name, zone_names,
                    transit_gateway_id, created_at)
                values (:id, :account, :region, :vpc, :service, :zones, :tgw, :now) on conflict do nothing""")
                .param("id", hub.requestId()).param("account", hub.hubAccountId()).param("region", hub.region())
                .param("vpc", hub.hubVpcId()).param("service", hub.serviceName())
                .param("zones", String.join(",", hub.zoneNames())).param("tgw", hub.transitGatewayId())
                .param("now", Timestamp.from(clock.instant())).update();
        if (created == 0) {
            return;
        }
        for (int i = 0; i < hub.spokes().size(); i++) {
            HubSpoke s = hub.spokes().get(i);
            jdbc.sql("""
                    insert into sharing_hub_spoke (request_id, position, account_id, vpc_id, region)
                    values (:id, :position, :account, :vpc, :region)""")
                    .param("id", hub.requestId()).param("position", i).param("account", s.accountId())
                    .param("vpc", s.vpcId()).param("region", s.region()).update();
        }
    }

    public Optional<SharedEndpointDetails> find(UUID requestId) {
        return jdbc.sql("""
                select request_id, hub_account, region, hub_vpc_id, service_name, zone_names, transit_gateway_id
                from sharing_hub where request_id = :id""").param("id", requestId)
                .query((rs, n) -> new SharedEndpointDetails(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), Arrays.asList(rs.getString(6).split(",")),
                        rs.getString(7), spokes(requestId), zones(requestId)))
                .optional();
    }

    public boolean exists(UUID requestId) {
        return jdbc.sql("select count(*) from sharing_hub where request_id = :id").param("id", requestId)
                .query(Integer.class).single() > 0;
    }

    /** The hubs whose zones are (to be) associated with the VPC, or whose endpoint sits in it. */
    public List<UUID> hubsOf(String vpcId) {
        return jdbc.sql("""
                select request_id from sharing_hub_spoke where vpc_id = :vpc
                union select request_id from sharing_hub where hub_vpc_id = :vpc order by 1""")
                .param("vpc", vpcId).query(UUID.class).list();
    }

    public void zoneCreated(UUID requestId, String name, String zoneId) {
        jdbc.sql("""
                insert into sharing_hub_zone (request_id, zone_name, zone_id, created_at) values (:id, :name, :zone, :now)
                on conflict (request_id, zone_name) do update set zone_id = excluded.zone_id""")
                .param("id", requestId).param("name", name).param("zone", zoneId)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    public void zoneDeleted(UUID requestId, String name) {
        jdbc.sql("delete from sharing_hub_zone where request_id = :id and zone_name = :name").param("id", requestId)
                .param("name", name).update();
    }

    private List<HubSpoke> spokes(UUID requestId) {
        return jdbc.sql("select account_id, vpc_id, region from sharing_hub_spoke where request_id = :id order by position")
                .param("id", requestId).query((rs, n) -> new HubSpoke(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private Map<String, String> zones(UUID requestId) {
        Map<String, String> zones = new LinkedHashMap<>();
        jdbc.sql("select zone_name, zone_id from sharing_hub_zone where request_id = :id order by zone_name")
                .param("id", requestId).query(rs -> {
                    zones.put(rs.getString(1), rs.getString(2));
                });
        return zones;
    }
}
