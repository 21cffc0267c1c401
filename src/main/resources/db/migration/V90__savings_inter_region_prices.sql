-- Inter-region data transfer is priced per pair of regions: the region the data leaves (region, where it is billed)
-- and the region it goes to (to_region). Every other price has no destination ('').
alter table savings_price add column to_region varchar(32) not null default '';
alter table savings_price drop constraint savings_price_once;
alter table savings_price add constraint savings_price_once
    unique (region, to_region, item, tier_begin_gb, effective_from);
