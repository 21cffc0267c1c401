-- The demo profile seeds the inventory without AWS: its run history records that as a run of its own trigger,
-- so that no page presents demo rows as the result of an AWS sync.
alter table inventory_sync_run drop constraint inventory_sync_run_trigger_check;
alter table inventory_sync_run add constraint inventory_sync_run_trigger_check
    check (trigger in ('SCHEDULE', 'MANUAL', 'DEMO'));
