-- The ledger's version, for the per-instance cache of the dashboard's and the API's ledger reads: a statement that
-- changes the daily ledger or one of its rollups moves it in the same transaction (the portal's daily collection and
-- repricing, another instance, an operator with psql), so no instance serves sums older than the last committed
-- change. Ledger writes are a few a day and already take one lock for the whole ledger, so the counter's row adds no
-- waiting of its own.
insert into reference_version (name) values ('savings');

create trigger savings_ledger_day_changes after insert or update or delete or truncate on savings_ledger_day
    for each statement execute function bump_reference_version('savings');
create trigger savings_ledger_month_changes after insert or update or delete or truncate on savings_ledger_month
    for each statement execute function bump_reference_version('savings');
create trigger savings_ledger_month_group_changes after insert or update or delete or truncate on savings_ledger_month_group
    for each statement execute function bump_reference_version('savings');
create trigger savings_ledger_year_changes after insert or update or delete or truncate on savings_ledger_year
    for each statement execute function bump_reference_version('savings');
create trigger savings_ledger_month_to_date_changes after insert or update or delete or truncate on savings_ledger_month_to_date
    for each statement execute function bump_reference_version('savings');
create trigger savings_ledger_month_to_date_group_changes after insert or update or delete or truncate
    on savings_ledger_month_to_date_group for each statement execute function bump_reference_version('savings');
create trigger savings_ledger_year_to_month_changes after insert or update or delete or truncate on savings_ledger_year_to_month
    for each statement execute function bump_reference_version('savings');
