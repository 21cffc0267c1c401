-- Month-to-date sums of savings_ledger_day, so that a period reads a bounded number of rows whatever its first and
-- last day: a run of days d1..d2 inside one month is "to date at d2" minus "to date at d1 - 1" (nothing when d1 is the
-- month's first day), two look-ups of one day each instead of up to 31 days of daily rows.
--
-- savings_ledger_month_to_date has, for each month and resource (with the keys the dashboard groups by: the same key as
-- savings_ledger_month), one row for every day from the resource's first ledger day in that month to the month's last
-- day: the sums of its daily rows from the month's first day up to and including that day (days without a row carry
-- the sums of the day before). "days" is the number of daily rows summed, which tells a run without rows (to leave out,
-- as a sum over no daily rows would) from one whose sums are zero.
create table savings_ledger_month_to_date (
    day              date          not null,
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
    primary key (day, region, account_id, resource_id, kind, team_id, service)
);

-- The same sums without the resource (what the totals and the groupings by team, account, region, service and month
-- read): a few thousand rows a day instead of one per resource.
create table savings_ledger_month_to_date_group (
    day              date          not null,
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
    primary key (day, region, account_id, kind, team_id, service)
);

-- The same one level up: for each year and resource, one row for every month from the resource's first month in that
-- year to December, with the sums of its monthly rollup rows from January up to and including that month. A run of
-- whole months inside one year is two look-ups too.
create table savings_ledger_year_to_month (
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

-- V76's function, now also recomputing the month-to-date sums of the month from its daily rows and the year-to-month
-- sums of its year from the monthly rollup. It still runs in the
-- transaction of the ledger write, after the write, under the advisory lock of the year: of two writers of one month
-- the second one waits, then recomputes from the daily rows with the first one's committed, so the rollups end exact
-- whatever the order (a recomputation, not a delta, so a day collected again or priced again cannot count twice).
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
    delete from savings_ledger_year_to_month
    where month >= date_trunc('year', p_month)::date and month < (date_trunc('year', p_month) + interval '1 year')::date
      and (p_region is null or region = p_region);
    insert into savings_ledger_year_to_month (month, region, account_id, resource_id, kind, team_id, service, days,
                                              bytes, endpoint_cost, avoided_nat_cost, net_saving, nat_cost)
    select (r.month + make_interval(months => m.n))::date, region, account_id, resource_id, kind, team_id, service,
           days, bytes, endpoint_cost, avoided_nat_cost, net_saving, nat_cost
    from (select month, region, account_id, resource_id, kind, team_id, service,
                 sum(days) over w as days, sum(bytes) over w as bytes, sum(endpoint_cost) over w as endpoint_cost,
                 sum(avoided_nat_cost) over w as avoided_nat_cost, sum(net_saving) over w as net_saving,
                 sum(nat_cost) over w as nat_cost,
                 coalesce(lead(month) over w, (date_trunc('year', p_month) + interval '1 year')::date) as next_month
          from savings_ledger_month
          where month >= date_trunc('year', p_month)::date
            and month < (date_trunc('year', p_month) + interval '1 year')::date
            and (p_region is null or region = p_region)
          window w as (partition by region, account_id, resource_id, kind, team_id, service order by month)) r
    cross join lateral generate_series(0, ((extract(year from r.next_month) - extract(year from r.month)) * 12
                                           + extract(month from r.next_month) - extract(month from r.month))::int - 1) m(n);
    delete from savings_ledger_month_to_date
    where day >= p_month and day < (p_month + interval '1 month')::date and (p_region is null or region = p_region);
    -- each daily row's running sums, carried over the days up to the resource's next row (or the month's end)
    insert into savings_ledger_month_to_date (day, region, account_id, resource_id, kind, team_id, service, days, bytes,
                                              endpoint_cost, avoided_nat_cost, net_saving, nat_cost)
    select r.day + d.n, region, account_id, resource_id, kind, team_id, service, days, bytes, endpoint_cost,
           avoided_nat_cost, net_saving, nat_cost
    from (select day, region, account_id, resource_id, kind, team_id, service,
                 count(*) over w as days, sum(bytes) over w as bytes, sum(endpoint_cost) over w as endpoint_cost,
                 sum(avoided_nat_cost) over w as avoided_nat_cost, sum(net_saving) over w as net_saving,
                 sum(nat_cost) over w as nat_cost,
                 coalesce(lead(day) over w, (p_month + interval '1 month')::date) as next_day
          from savings_ledger_day
          where day >= p_month and day < (p_month + interval '1 month')::date
            and (p_region is null or region = p_region)
          window w as (partition by region, account_id, resource_id, kind, team_id, service order by day)) r
    cross join lateral generate_series(0, r.next_day - r.day - 1) d(n);
    delete from savings_ledger_month_to_date_group
    where day >= p_month and day < (p_month + interval '1 month')::date and (p_region is null or region = p_region);
    insert into savings_ledger_month_to_date_group (day, region, account_id, kind, team_id, service, days, bytes,
                                                    endpoint_cost, avoided_nat_cost, net_saving, nat_cost)
    select day, region, account_id, kind, team_id, service, sum(days), sum(bytes), sum(endpoint_cost),
           sum(avoided_nat_cost), sum(net_saving), sum(nat_cost)
    from savings_ledger_month_to_date
    where day >= p_month and day < (p_month + interval '1 month')::date and (p_region is null or region = p_region)
    group by day, region, account_id, kind, team_id, service;
$$;
