-- Yearly rollup per resource, from the monthly one (V75): what the per-resource reads (GET /api/v1/savings?groupBy=
-- endpoint, the dashboard's top endpoints and endpoints below break-even, NAT gateways, missed savings) take for the
-- years a period covers whole, so "this year" over 10,000 endpoints groups ~10,000 rows, not ~120,000. A year counts
-- as covered whole when every ledger day of it lies in the period (this year so far, up to today, does).
create table savings_ledger_year (
    year             date          not null,
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
    primary key (year, region, account_id, resource_id, kind, team_id, service)
);
create index savings_ledger_year_kind on savings_ledger_year (kind, year);

-- The same function as in V75, now also recomputing the year of the month from its monthly rows. The advisory lock is
-- taken per year (it was per month): two refreshes of months of one year rewrite the same year rows, so they wait
-- for each other; the second one then sees the first one's rows.
create or replace function savings_ledger_month_refresh(p_month date, p_region varchar) returns void
language sql volatile as $$
    select pg_advisory_xact_lock(hashtext('savings_ledger_month'), hashtext(date_trunc('year', p_month)::date::text));
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
    delete from savings_ledger_year
    where year = date_trunc('year', p_month)::date and (p_region is null or region = p_region);
    insert into savings_ledger_year (year, region, account_id, resource_id, kind, team_id, service, days, bytes,
                                     endpoint_cost, avoided_nat_cost, net_saving, nat_cost)
    select date_trunc('year', p_month)::date, region, account_id, resource_id, kind, team_id, service, sum(days),
           sum(bytes), sum(endpoint_cost), sum(avoided_nat_cost), sum(net_saving), sum(nat_cost)
    from savings_ledger_month
    where month >= date_trunc('year', p_month)::date and month < (date_trunc('year', p_month) + interval '1 year')::date
      and (p_region is null or region = p_region)
    group by region, account_id, resource_id, kind, team_id, service;
$$;

-- the ledger rolled up before this migration
insert into savings_ledger_year (year, region, account_id, resource_id, kind, team_id, service, days, bytes,
                                 endpoint_cost, avoided_nat_cost, net_saving, nat_cost)
select date_trunc('year', month)::date, region, account_id, resource_id, kind, team_id, service, sum(days), sum(bytes),
       sum(endpoint_cost), sum(avoided_nat_cost), sum(net_saving), sum(nat_cost)
from savings_ledger_month
group by 1, region, account_id, resource_id, kind, team_id, service;
