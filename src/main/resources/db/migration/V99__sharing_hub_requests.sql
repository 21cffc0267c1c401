-- A shared (hub) interface endpoint request: the request module keeps the endpoint item (private DNS off, in the
-- hub VPC); this module keeps what only a hub has: the service's DNS names its private hosted zones answer for, and
-- the spoke VPCs those zones are associated with.
create table sharing_hub (
    request_id   uuid primary key,
    hub_account  varchar(12) not null,
    region       varchar(32) not null,
    hub_vpc_id   varchar(64) not null,
    service_name varchar(255) not null,
    zone_names   text not null,
    transit_gateway_id varchar(64),
    created_at   timestamp with time zone not null
);

create table sharing_hub_spoke (
    request_id uuid not null references sharing_hub (request_id) on delete cascade,
    position   int not null,
    account_id varchar(12) not null,
    vpc_id     varchar(64) not null,
    region     varchar(32) not null,
    primary key (request_id, position),
    unique (request_id, vpc_id)
);
create index sharing_hub_spoke_vpc on sharing_hub_spoke (vpc_id);
