-- Inventory: what exists in AWS, synchronised per account and region.

-- One synchronisation run. At most one RUNNING run across all portal instances (the partial unique index);
-- a run whose heartbeat stopped is closed as abandoned by the next one.
create table inventory_sync_run (
    id              uuid          primary key,
    trigger         varchar(20)   not null check (trigger in ('SCHEDULE', 'MANUAL')),
    requested_by    varchar(64)   not null,
    status          varchar(20)   not null check (status in ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED')),
    started_at      timestamptz   not null,
    heartbeat_at    timestamptz   not null,
    finished_at     timestamptz,
    targets_total   integer       not null default 0,
    targets_done    integer       not null default 0,
    targets_failed  integer       not null default 0,
    endpoints_seen  integer       not null default 0,
    resources_seen  integer       not null default 0,
    rows_written    integer       not null default 0,
    endpoints_gone  integer       not null default 0,
    error           varchar(2000)
);
create unique index inventory_sync_run_one_running on inventory_sync_run ((true)) where status = 'RUNNING';
create index inventory_sync_run_started on inventory_sync_run (started_at desc, id);

-- What one run found in one account and region, or why it could not look.
create table inventory_sync_target (
    run_id          uuid          not null references inventory_sync_run (id) on delete cascade,
    account_id      varchar(12)   not null,
    region          varchar(20)   not null,
    status          varchar(20)   not null check (status in ('SUCCEEDED', 'FAILED')),
    endpoints       integer       not null default 0,
    vpcs            integer       not null default 0,
    subnets         integer       not null default 0,
    route_tables    integer       not null default 0,
    security_groups integer       not null default 0,
    nat_gateways    integer       not null default 0,
    rows_written    integer       not null default 0,
    duration_ms     integer       not null,
    error_code      varchar(100),
    error           varchar(2000),
    primary key (run_id, account_id, region)
);

-- Every VPC endpoint seen. Rows are never deleted: a failed region marks them stale; an endpoint is gone when
-- EC2 says deleted, or after two consecutive successful syncs of its account and region without it.
create table inventory_endpoint (
    vpc_endpoint_id     varchar(32)    primary key,
    account_id          varchar(12)    not null,
    region              varchar(20)    not null,
    vpc_id              varchar(24)    not null,
    service_name        varchar(255)   not null,
    endpoint_type       varchar(30)    not null,
    state               varchar(30)    not null,
    private_dns         boolean        not null,
    policy              text,
    route_table_ids     varchar(24)[]  not null,
    subnet_ids          varchar(24)[]  not null,
    security_group_ids  varchar(24)[]  not null,
    network_interface_ids varchar(24)[] not null,
    dns_entries         text           not null,
    tags                text           not null,
    created_in_aws      timestamptz,
    content_hash        varchar(64)    not null,
    request_id          uuid,
    request_position    integer,
    stale               boolean        not null default false,
    missed_syncs        smallint       not null default 0,
    gone_at             timestamptz,
    drift               boolean        not null default false,
    drift_summary       varchar(500),
    first_seen_at       timestamptz    not null,
    updated_at          timestamptz    not null
);
-- keyset pagination for each sort order, each filter with its own leading column
create index inventory_endpoint_account on inventory_endpoint (account_id, region, vpc_endpoint_id);
create index inventory_endpoint_vpc on inventory_endpoint (vpc_id, vpc_endpoint_id);
create index inventory_endpoint_service on inventory_endpoint (service_name, vpc_endpoint_id);
create index inventory_endpoint_state on inventory_endpoint (state, vpc_endpoint_id);
create index inventory_endpoint_updated on inventory_endpoint (updated_at, vpc_endpoint_id);
create index inventory_endpoint_request on inventory_endpoint (request_id) where request_id is not null;
create index inventory_endpoint_unmanaged on inventory_endpoint (vpc_endpoint_id) where request_id is null;
create index inventory_endpoint_drift on inventory_endpoint (vpc_endpoint_id) where drift;

-- VPCs, subnets, route tables, security groups and NAT gateways, one row each, with what EC2 said as JSON.
create table inventory_resource (
    account_id    varchar(12)   not null,
    region        varchar(20)   not null,
    resource_id   varchar(32)   not null,
    resource_type varchar(20)   not null check (resource_type in ('VPC', 'SUBNET', 'ROUTE_TABLE', 'SECURITY_GROUP',
                                                                  'NAT_GATEWAY')),
    vpc_id        varchar(24),
    name          varchar(255),
    state         varchar(30),
    data          text          not null,
    content_hash  varchar(64)   not null,
    stale         boolean       not null default false,
    missed_syncs  smallint      not null default 0,
    updated_at    timestamptz   not null,
    primary key (account_id, region, resource_id)
);
create index inventory_resource_vpc on inventory_resource (vpc_id, resource_type);

-- What was approved for a managed endpoint: from its request when first seen, replaced when an admin accepts
-- the actual state or adopts an endpoint. Drift is the difference between this and inventory_endpoint.
create table inventory_baseline (
    vpc_endpoint_id    varchar(32)    primary key,
    request_id         uuid           not null,
    request_position   integer        not null,
    source             varchar(20)    not null check (source in ('REQUEST', 'ACCEPTED', 'ADOPTED')),
    policy             text,
    route_table_ids    varchar(24)[]  not null,
    subnet_ids         varchar(24)[]  not null,
    security_group_ids varchar(24)[]  not null,
    private_dns        boolean        not null,
    recorded_by        varchar(64)    not null,
    recorded_at        timestamptz    not null
);
