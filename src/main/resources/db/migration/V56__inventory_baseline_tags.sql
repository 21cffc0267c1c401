-- The tags approved for a managed endpoint (the request's and the portal's own, or those accepted or adopted),
-- as a JSON object. Null: recorded before tags were compared; such a baseline gets them from its request at the
-- next sync (an accepted or adopted one at the next accept).
alter table inventory_baseline add column tags text;
