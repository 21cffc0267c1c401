-- Monthly rollup of savings_ledger_day: one row per month and resource (and the keys the dashboard groups by), with
-- the sums of its days. The dashboard and GET /api/v1/savings read whole months from here and only the days of a
-- month a period covers in part from savings_ledger_day, so a year over 10,000 endpoints sums ~120,000 rows, not
-- 3.65 million. The ledger writer (savings.internal.Ledger) refreshes a month whenever it writes or prices days of it
-- (collection, recorded history, price corrections), in the same transaction, through the function below.
create table savings_ledger_month (
    month            date          not null,
    region           varchar(32)   not null,
    account_id       varchar(12)   not null,
    resource_id      varchar(80)   not null,
    kind             varchar(24)   not null,
    team_id          varchar(64)   not null,
    service          varchar(120)  not null,
    days             integer       not null,
    bytes            numeric(30)   not null,
    endpoint_cost    numeric(30, 10) not null,
    avoided_nat_cost numeric(30, 10) not null,
    net_saving       numeric(30, 10) not null,
    nat_cost         numeric(30, 10) not null,
    primary key (month, region, account_id, resource_id, kind, team_id, service)
);
-- NAT gateways and missed savings are a few rows among the endpoints' ones
create index savings_ledger_month_kind on savings_ledger_month (kind, month);

-- The same sums without the resource: what the totals and the groupings by team, account, region, service and month
-- read (a few thousand rows a month instead of one per endpoint).
create table savings_ledger_month_group (
    month            date          not null,
    region           varchar(32)   not null,
    account_id       varchar(12)   not null,
    kind             varchar(24)   not null,
    team_id          varchar(64)   not null,
    service          varchar(120)  not null,
    days             integer       not null,
    bytes            numeric(30)   not null,
    endpoint_cost    numeric(30, 10) not null,
    avoided_nat_cost numeric(30, 10) not null,
    net_saving       numeric(30, 10) not null,
    nat_cost         numeric(30, 10) not null,
    primary key (month, region, account_id, kind, team_id, service)
);

-- Recomputes the rollups of one month (of one region, or of all when p_region is null) from the daily rows. The
-- advisory lock serialises two refreshes of the same month until their transactions end, so the second one sees
-- the first one's rows and neither inserts a duplicate.
create function savings_ledger_month_refresh(p_month date, p_region varchar) returns void
language sql volatile as $$
    select pg_advisory_xact_lock(hashtext('savings_ledger_month'), hashtext(p_month::text));
    delete from savings_ledger_month where month = p_month and (p_region is null or region = p_region);
    insert into savings_ledger_month (month, region, account_id, resource_id, kind, team_id, service, days, bytes,
                                      endpoint_cost, avoided_nat_cost, net_saving, nat_cost)
    select p_month, region, account_id, resource_id, kind, team_id, service, count(*), sum(bytes), sum(endpoint_cost),
           sum(avoided_nat_cost), sum(net_saving), sum(nat_cost)
    from savings_ledger_day
    where day >= p_month and day < (p_month + interval '1 month')::date and (p_region is null or region = p_region)
    group by region, account_id, resource_id, kind, team_id, service;
    delete from savings_ledger_month_group where month = p_month and (p_region is null or region = p_region);
    insert into savings_ledger_month_group (month, region, account_id, kind, team_id, service, days, bytes,
                                            endpoint_cost, avoided_nat_cost, net_saving, nat_cost)
    select p_month, region, account_id, kind, team_id, service, sum(days), sum(bytes), sum(endpoint_cost),
           sum(avoided_nat_cost), sum(net_saving), sum(nat_cost)
    from savings_ledger_month
    where month = p_month and (p_region is null or region = p_region)
    group by region, account_id, kind, team_id, service;
$$;

-- the ledger written before this migration
select savings_ledger_month_refresh(m, null)
from (select distinct date_trunc('month', day)::date as m from savings_ledger_day) months;
