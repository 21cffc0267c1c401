-- The private hosted zones a hub's provisioning created, kept the moment Route 53 returns their ids, so that a retry
-- finds them again, drift compares against them and a decommission removes exactly them.
create table sharing_hub_zone (
    request_id uuid not null references sharing_hub (request_id) on delete cascade,
    zone_name  varchar(255) not null,
    zone_id    varchar(64) not null,
    created_at timestamp with time zone not null,
    primary key (request_id, zone_name)
);
