-- A sync run split into units of work: one per (account, region) and one per account for its global reads
-- (region 'global': Route 53). Every portal instance claims units of the same run with FOR UPDATE SKIP LOCKED;
-- a claim is a lease that the claiming instance renews while it works, so the units of an instance that died are
-- claimed again once their lease ran out. The daily traffic collection uses the same units (kind TRAFFIC).

alter table inventory_sync_run drop constraint inventory_sync_run_status_check;
alter table inventory_sync_run add constraint inventory_sync_run_status_check
    check (status in ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'));
alter table inventory_sync_run
    add column kind                varchar(20) not null default 'INVENTORY' check (kind in ('INVENTORY', 'TRAFFIC')),
    add column day                 date,
    add column targets_cancelled   integer     not null default 0,
    add column calls               bigint      not null default 0,
    add column cancel_requested_by varchar(64),
    add column cancel_requested_at timestamptz;

-- one RUNNING run per kind across every instance: a traffic collection does not wait for an inventory sync
drop index inventory_sync_run_one_running;
create unique index inventory_sync_run_one_running on inventory_sync_run (kind) where status = 'RUNNING';

alter table inventory_sync_target
    add column instance varchar(100),
    add column attempts integer not null default 1,
    add column calls    integer not null default 0;

create table inventory_sync_unit (
    run_id      uuid          not null references inventory_sync_run (id) on delete cascade,
    account_id  varchar(12)   not null,
    region      varchar(20)   not null,
    status      varchar(20)   not null check (status in ('PENDING', 'RUNNING', 'DONE', 'CANCELLED')),
    attempts    integer       not null default 0,
    not_before  timestamptz   not null,
    claimed_by  varchar(100),
    lease_until timestamptz,
    last_error  varchar(2000),
    primary key (run_id, account_id, region)
);
-- what a claim scans: units still to run (pending, or running under a lease that may have run out)
create index inventory_sync_unit_open on inventory_sync_unit (not_before) where status in ('PENDING', 'RUNNING');
