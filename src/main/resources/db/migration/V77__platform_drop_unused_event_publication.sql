-- The portal's events between modules are synchronous Spring events handled inside the publishing transaction
-- (docs/architecture.md, "Events"); what must survive a crash (provisioning jobs, webhook deliveries) has its own
-- table and db-scheduler. Spring Modulith's publication registry was installed but never written: drop its table.
drop table if exists event_publication;
