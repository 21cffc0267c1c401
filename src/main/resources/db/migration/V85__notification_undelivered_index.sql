-- The admin's start page counts deliveries that did not arrive on every visit; delivered ones, the bulk of the
-- table, stay out of this index.
create index webhook_delivery_undelivered_idx on webhook_delivery (status) where status in ('FAILED', 'GIVING_UP');
