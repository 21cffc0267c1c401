-- Each endpoint of a request carries its own expected monthly GB (null: not given), and the request says whether
-- its NAT gateway will be removed (its hours and public IPv4 address are then saved too).
alter table endpoint_request_item
    add column expected_monthly_gb numeric(14, 3)
        check (expected_monthly_gb is null or (expected_monthly_gb >= 0 and expected_monthly_gb <= 10000000));
alter table endpoint_request
    add column nat_gateway_removed boolean not null default false;
alter table endpoint_request
    add constraint endpoint_request_nat_removed_needs_nat check (not nat_gateway_removed or nat_gateway_id is not null);

-- Existing requests had one GB figure for all their endpoints, which the cost panel shared evenly among them.
-- Copy it to the items the same way: an even share (3 decimals, rounded down), the remainder on the first
-- item (lowest position), so that the items add up exactly to the request's figure. A request whose figure was
-- 0 ("not given") leaves its items without a figure.
with shares as (
    select i.id, i.position, r.expected_monthly_gb as total,
           trunc(r.expected_monthly_gb / count(*) over (partition by i.request_id), 3) as share,
           count(*) over (partition by i.request_id) as n,
           row_number() over (partition by i.request_id order by i.position) as rank
    from endpoint_request_item i join endpoint_request r on r.id = i.request_id
    where r.expected_monthly_gb > 0
)
update endpoint_request_item i
set expected_monthly_gb = case when s.rank = 1 then s.total - s.share * (s.n - 1) else s.share end
from shares s where s.id = i.id;
