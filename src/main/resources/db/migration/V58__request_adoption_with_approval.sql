-- Adoption: a request (kind NEW) may take over an endpoint that exists without the portal. An admin adopts
-- directly (the request starts ACTIVE); the owning team asks, and once approved provisioning tags the endpoint
-- with the portal's tags (job operation ADOPT) instead of creating one.
alter table endpoint_request add column adopts_endpoint_id varchar(32);
-- one open adoption per endpoint at a time (a rejected, cancelled or expired one frees it; an active one keeps it)
create unique index endpoint_request_one_adoption on endpoint_request (adopts_endpoint_id)
    where adopts_endpoint_id is not null and status not in ('REJECTED', 'CANCELLED', 'EXPIRED', 'DELETED', 'FAILED');

alter table provisioning_job drop constraint provisioning_job_operation_check;
alter table provisioning_job add constraint provisioning_job_operation_check
    check (operation in ('CREATE', 'MODIFY', 'DELETE', 'ADOPT'));
