-- Day-2 changes: a change to an active request's endpoint is a request of its own (kind CHANGE) that names the
-- request and the item it changes; it goes through approval like any request and ends APPLIED. The request it
-- changes stays ACTIVE meanwhile and takes the new state once the change is applied.
alter table endpoint_request add column kind varchar(10) not null default 'NEW' check (kind in ('NEW', 'CHANGE'));
alter table endpoint_request add column change_of uuid references endpoint_request (id);
alter table endpoint_request add column change_position integer;
alter table endpoint_request add constraint endpoint_request_change_target
    check ((kind = 'NEW' and change_of is null and change_position is null)
        or (kind = 'CHANGE' and change_of is not null and change_position is not null));
create index endpoint_request_changes on endpoint_request (change_of, created_at desc) where change_of is not null;

alter table endpoint_request drop constraint endpoint_request_status_check;
alter table endpoint_request add constraint endpoint_request_status_check check (status in ('DRAFT', 'SUBMITTED',
    'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'PROVISIONING', 'ACTIVE', 'FAILED',
    'DECOMMISSION_REQUESTED', 'DECOMMISSIONING', 'DELETED', 'APPLIED'));

-- What a provisioning job does: create the endpoints, modify one (a change) or delete them (a decommission).
alter table provisioning_job add column operation varchar(10) not null default 'CREATE'
    check (operation in ('CREATE', 'MODIFY', 'DELETE'));
