-- The inventory list filtered by account (a requester's usual view) or by region alone, in id order: the
-- (account_id, region, vpc_endpoint_id) index cannot give that order without sorting every row of the account,
-- which the benchmark showed as the slowest list query with 100,000 rows.
create index inventory_endpoint_account_id on inventory_endpoint (account_id, vpc_endpoint_id);
create index inventory_endpoint_region_id on inventory_endpoint (region, vpc_endpoint_id);
