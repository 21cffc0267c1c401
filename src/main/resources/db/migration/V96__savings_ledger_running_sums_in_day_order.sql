-- The running sums of V92 stored in day (month) order. A period reads the month-to-date sums of one or two days and the
-- year-to-month sums of one or two months, by primary key (which leads with the day, the month); but the refresh wrote
-- a month's running sums in resource order (the order of its window), so one day's 10,000 rows lay on about 10,000
-- different heap pages (EXPLAIN (ANALYZE, BUFFERS) of the endpoint ranking: 30,008 rows read from 13,916 pages).
-- Written in day order they lie on about 200 pages a day.
--
-- The function is V92's with an "order by" on the inserts of the running sums (a sort of one month's rows, about
-- 310,000 for 10,000 endpoints, in the transaction of the ledger write). Heap order is not a guarantee: rows written
-- later fill the space that deleted ones leave once vacuumed, but a refresh rewrites a whole month in one sorted
-- insert, so a day's rows stay together on few pages. CLUSTER rewrites the rows written before in key order (it
-- holds an exclusive lock on each table while it runs: once, at this migration).
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
                                           + extract(month from r.next_month) - extract(month from r.month))::int - 1) m(n)
    order by 1;
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
    cross join lateral generate_series(0, r.next_day - r.day - 1) d(n)
    order by 1;
    delete from savings_ledger_month_to_date_group
    where day >= p_month and day < (p_month + interval '1 month')::date and (p_region is null or region = p_region);
    insert into savings_ledger_month_to_date_group (day, region, account_id, kind, team_id, service, days, bytes,
                                                    endpoint_cost, avoided_nat_cost, net_saving, nat_cost)
    select day, region, account_id, kind, team_id, service, sum(days), sum(bytes), sum(endpoint_cost),
           sum(avoided_nat_cost), sum(net_saving), sum(nat_cost)
    from savings_ledger_month_to_date
    where day >= p_month and day < (p_month + interval '1 month')::date and (p_region is null or region = p_region)
    group by day, region, account_id, kind, team_id, service
    order by day;
$$;

cluster savings_ledger_month_to_date using savings_ledger_month_to_date_pkey;
cluster savings_ledger_month_to_date_group using savings_ledger_month_to_date_group_pkey;
cluster savings_ledger_year_to_month using savings_ledger_year_to_month_pkey;
analyze savings_ledger_month_to_date;
analyze savings_ledger_month_to_date_group;
analyze savings_ledger_year_to_month;
