-- Prices from AWS Price List offer files, per region, item, tier and effective date; each row names its source.
create table savings_price (
    id             bigserial primary key,
    region         varchar(32)    not null,
    item           varchar(40)    not null,
    tier_begin_gb  numeric(20, 6) not null default 0,
    tier_end_gb    numeric(20, 6),
    usd            numeric(20, 10) not null check (usd >= 0),
    unit           varchar(16)    not null,
    effective_from date           not null,
    usage_type     varchar(80)    not null,
    sku            varchar(40),
    source         varchar(500)   not null,
    imported_at    timestamptz    not null default now(),
    constraint savings_price_once unique (region, item, tier_begin_gb, effective_from)
);
create index savings_price_lookup on savings_price (region, item, effective_from desc);

-- Where each account's VPC Flow Logs (version 5, gzip) are delivered, for gateway endpoints and missed savings.
create table savings_flow_log_location (
    account_id varchar(12)  primary key,
    bucket     varchar(63)  not null,
    prefix     varchar(500) not null default '',
    updated_at timestamptz  not null default now()
);

-- One row per measured resource and day: the bytes and what they cost and saved, priced with the prices in force
-- that day. kind: INTERFACE, GATEWAY_LOAD_BALANCER, GATEWAY (endpoints), NAT (bytes still through a NAT gateway),
-- MISSED (S3/DynamoDB bytes through NAT in a VPC without a gateway endpoint for that service).
create table savings_ledger_day (
    day              date           not null,
    resource_id      varchar(80)    not null,
    kind             varchar(24)    not null,
    request_id       uuid,
    team_id          varchar(64)    not null,
    account_id       varchar(12)    not null,
    region           varchar(32)    not null,
    vpc_id           varchar(32),
    service          varchar(120)   not null,
    enis             integer        not null default 0,
    bytes            bigint         not null check (bytes >= 0),
    endpoint_cost    numeric(24, 10) not null default 0,
    avoided_nat_cost numeric(24, 10) not null default 0,
    net_saving       numeric(24, 10) not null default 0,
    nat_cost         numeric(24, 10) not null default 0,
    collected_at     timestamptz    not null default now(),
    -- the account too: ids typed into requests are not checked against AWS, and one wrong NAT id must not collide
    primary key (day, account_id, resource_id)
);
create index savings_ledger_team_day on savings_ledger_day (team_id, day);
create index savings_ledger_account_day on savings_ledger_day (account_id, day);
create index savings_ledger_service_day on savings_ledger_day (service, day);
create index savings_ledger_region_day on savings_ledger_day (region, kind, day);
create index savings_ledger_resource on savings_ledger_day (resource_id, day);
