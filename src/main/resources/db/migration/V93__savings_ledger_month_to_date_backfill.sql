-- The month-to-date sums (V92) of the ledger written before: every month with daily rows is refreshed once.
select count(savings_ledger_month_refresh(m, null))
from (select distinct date_trunc('month', day)::date as m from savings_ledger_day order by 1) months;
