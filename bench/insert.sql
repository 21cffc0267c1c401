-- The floor: what creating a request writes at least (one request row, one item row, one timeline row), as plain
-- inserts in one transaction, without HTTP, JSON, validation, security or an ORM.
begin;
insert into bench_request (id, team, account_id, region, vpc_id, title, justification, requester, created_at)
values (gen_random_uuid(), 'payments', '111111111111', 'eu-west-1', 'vpc-0a1b2c3d4e5f60718',
        'bench ' || :client_id, 'benchmark', 'requester', now());
insert into bench_item (request_title, template_key, subnet_ids) values ('bench ' || :client_id, 'glue',
        '{subnet-0a1b2c3d4e5f60718}');
insert into bench_timeline (request_title, at, entry) values ('bench ' || :client_id, now(), 'created');
commit;
