-- Private DNS: the name an interface endpoint's service answers in a VPC when private DNS is on (read for the
-- endpoints that have it off), and each account's Route 53 private hosted zones with the VPCs they answer in.
alter table inventory_endpoint add column service_dns_name varchar(255);

-- One row per zone and associated VPC; the VPC may be in another account (a zone shared across accounts).
create table inventory_hosted_zone (
    account_id   varchar(12)   not null,
    zone_id      varchar(32)   not null,
    zone_name    varchar(255)  not null,
    vpc_id       varchar(24)   not null,
    vpc_region   varchar(20)   not null,
    updated_at   timestamptz   not null,
    primary key (account_id, zone_id, vpc_id)
);
create index inventory_hosted_zone_vpc on inventory_hosted_zone (vpc_id);

-- Accounts whose zones were read at least once: until then the inventory cannot tell that a VPC has no zone.
create table inventory_zone_account (
    account_id   varchar(12)   primary key,
    read_at      timestamptz   not null
);
