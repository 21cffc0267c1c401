-- Endpoint templates. Each edit is a new row (template_key, version); requests keep the version they used.
create table endpoint_template (
    id                     uuid          primary key,
    template_key           varchar(64)   not null check (template_key ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    version                integer       not null check (version > 0),
    name                   varchar(100)  not null,
    description            varchar(2000) not null,
    category               varchar(40)   not null,
    endpoint_type          varchar(30)   not null check (endpoint_type in ('Gateway', 'Interface', 'GatewayLoadBalancer')),
    service_name_pattern   varchar(200),
    regions                varchar(20)[],
    partner                boolean       not null default false,
    provider               varchar(100)  not null default 'AWS',
    cross_region_supported boolean       not null default false,
    default_policy         varchar(30)   not null,
    documentation_url      varchar(500),
    retired                boolean       not null default false,
    created_at             timestamptz   not null default now(),
    created_by             varchar(64)   not null,
    unique (template_key, version),
    -- an AWS service is named by a pattern; a partner service by its regional names below
    check (partner or service_name_pattern is not null)
);

create table template_field (
    template_id   uuid         not null references endpoint_template (id) on delete cascade,
    position      integer      not null,
    name          varchar(40)  not null check (name in ('routeTableIds', 'subnetIds', 'securityGroupIds', 'privateDns',
                                                        'policyChoice', 'bucketNames', 'tableNames', 'serviceRegion')),
    label         varchar(100) not null,
    required      boolean      not null default false,
    default_value varchar(200),
    help          varchar(500),
    primary key (template_id, name)
);

-- Partner endpoint services have one service name per region they exist in.
create table template_regional_service (
    template_id      uuid         not null references endpoint_template (id) on delete cascade,
    region           varchar(20)  not null,
    service_name     varchar(200) not null check (service_name ~ '^com\.amazonaws\.vpce\.[a-z0-9-]+\.vpce-svc-[0-9a-f]{8,17}$'),
    private_dns_name varchar(255),
    primary key (template_id, region)
);

create function seed_aws_template(p_key text, p_name text, p_category text, p_type text, p_service text,
                                  p_default_policy text, p_description text) returns uuid
language plpgsql as $$
declare
    t uuid := gen_random_uuid();
begin
    insert into endpoint_template (id, template_key, version, name, description, category, endpoint_type,
                                   service_name_pattern, default_policy, documentation_url, created_by)
    values (t, p_key, 1, p_name, p_description, p_category, p_type, 'com.amazonaws.{region}.' || p_service,
            p_default_policy, 'https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html',
            'migration');
    if p_type = 'Gateway' then
        insert into template_field values
            (t, 1, 'routeTableIds', 'Route tables', true, null,
             'Route tables of the subnets whose traffic should use the endpoint (rtb-...). AWS adds a route to the service''s prefix list in each.');
    else
        insert into template_field values
            (t, 1, 'subnetIds', 'Subnets', true, null,
             'One subnet per Availability Zone (subnet-...). Each gets a network interface, billed per hour.'),
            (t, 2, 'securityGroupIds', 'Security groups', false, null,
             'Up to 5 (sg-...). They must allow HTTPS (443) from your workloads; the VPC default group is used if empty.'),
            (t, 3, 'privateDns', 'Private DNS', false, 'true',
             'Resolve the service''s public name to the endpoint inside the VPC. Needs enableDnsSupport and enableDnsHostnames.');
    end if;
    insert into template_field values
        (t, 10, 'policyChoice', 'Endpoint policy', true, p_default_policy,
         'What the endpoint lets through. The portal generates the policy; the approver sees it.');
    return t;
end;
$$;

do $$
declare
    t uuid;
begin
    t := seed_aws_template('s3-gateway', 'Amazon S3 (gateway)', 'Storage', 'Gateway', 's3', 's3-buckets',
        'Free gateway endpoint for S3 in the same region. Removes the NAT gateway''s per-GB charge for S3 traffic. '
        || 'Pair it with a bucket policy that only accepts requests through the endpoint.');
    insert into template_field values (t, 11, 'bucketNames', 'Buckets', false, null,
        'Buckets the endpoint policy allows, and whose bucket policy is restricted to the endpoint.');

    t := seed_aws_template('dynamodb-gateway', 'Amazon DynamoDB (gateway)', 'Database', 'Gateway', 'dynamodb',
        'dynamodb-tables', 'Free gateway endpoint for DynamoDB in the same region.');
    insert into template_field values (t, 11, 'tableNames', 'Tables', false, null,
        'Tables the endpoint policy allows. Leave empty to allow every table of the account.');

    t := seed_aws_template('s3-interface', 'Amazon S3 (interface)', 'Storage', 'Interface', 's3', 's3-buckets',
        'S3 through PrivateLink: reachable from on-premises and peered networks. Billed per ENI-hour and per GB. '
        || 'Private DNS needs an S3 gateway endpoint in the same VPC.');
    update template_field set default_value = 'false',
        help = 'Off by default: with private DNS on, the VPC also needs an S3 gateway endpoint.'
        where template_id = t and name = 'privateDns';
    insert into template_field values (t, 11, 'bucketNames', 'Buckets', false, null,
        'Buckets the endpoint policy allows, and whose bucket policy is restricted to the endpoint.');

    perform seed_aws_template('glue', 'AWS Glue', 'Analytics', 'Interface', 'glue', 'organization',
        'Glue jobs, crawlers and the Data Catalog API from private subnets.');
    perform seed_aws_template('rds-data', 'Amazon RDS Data API', 'Database', 'Interface', 'rds-data', 'organization',
        'The Data API of Aurora (Serverless) clusters, called over HTTPS from Lambda or Glue.');
    perform seed_aws_template('sts', 'AWS STS', 'Security', 'Interface', 'sts', 'organization',
        'Regional STS for AssumeRole and web identity (EKS pods, Lambda extensions).');
    perform seed_aws_template('ssm', 'AWS Systems Manager', 'Management', 'Interface', 'ssm', 'organization',
        'Systems Manager API: patching, Parameter Store, Run Command. Needs ssmmessages and ec2messages too.');
    perform seed_aws_template('ssmmessages', 'Systems Manager Session Manager messages', 'Management', 'Interface',
        'ssmmessages', 'organization', 'Session Manager shell and port-forwarding channels.');
    perform seed_aws_template('ec2messages', 'EC2 messages (SSM agent)', 'Management', 'Interface', 'ec2messages',
        'organization', 'Messages between the SSM agent and Systems Manager.');
    perform seed_aws_template('ecr-api', 'Amazon ECR API', 'Containers', 'Interface', 'ecr.api', 'organization',
        'ECR API calls (authorization, image manifests). Image layers come from S3: add an S3 gateway endpoint.');
    perform seed_aws_template('ecr-dkr', 'Amazon ECR Docker registry', 'Containers', 'Interface', 'ecr.dkr',
        'organization', 'docker pull / push against ECR from private subnets.');
    perform seed_aws_template('logs', 'Amazon CloudWatch Logs', 'Observability', 'Interface', 'logs', 'organization',
        'Ship logs with the CloudWatch agent, Lambda or Fluent Bit without NAT.');
    perform seed_aws_template('monitoring', 'Amazon CloudWatch (metrics)', 'Observability', 'Interface', 'monitoring',
        'organization', 'PutMetricData and GetMetricData without NAT.');
    perform seed_aws_template('kms', 'AWS KMS', 'Security', 'Interface', 'kms', 'organization',
        'Encrypt, decrypt and generate data keys from private subnets.');
    perform seed_aws_template('secretsmanager', 'AWS Secrets Manager', 'Security', 'Interface', 'secretsmanager',
        'organization', 'Read secrets without leaving the AWS network.');
    perform seed_aws_template('sqs', 'Amazon SQS', 'Messaging', 'Interface', 'sqs', 'organization',
        'Send and receive queue messages privately.');
    perform seed_aws_template('sns', 'Amazon SNS', 'Messaging', 'Interface', 'sns', 'organization',
        'Publish to topics privately.');
    perform seed_aws_template('lambda', 'AWS Lambda', 'Compute', 'Interface', 'lambda', 'organization',
        'Invoke functions from private subnets.');
    perform seed_aws_template('execute-api', 'Amazon API Gateway (private APIs)', 'Compute', 'Interface',
        'execute-api', 'organization', 'Reach private REST APIs of API Gateway.');
end;
$$;

drop function seed_aws_template(text, text, text, text, text, text, text);

-- Datadog's PrivateLink endpoint services (docs.datadoghq.com/agent/guide/private-link). They exist only in
-- the region of each Datadog site: US1 in us-east-1, AP1 in ap-northeast-1, AP2 in ap-southeast-2.
-- From any other region Datadog documents cross-region interface endpoints (ServiceRegion).
create function seed_partner_template(p_key text, p_name text, p_description text) returns uuid
language plpgsql as $$
declare
    t uuid := gen_random_uuid();
begin
    insert into endpoint_template (id, template_key, version, name, description, category, endpoint_type,
                                   partner, provider, cross_region_supported, default_policy, documentation_url,
                                   created_by)
    values (t, p_key, 1, p_name, p_description, 'Partner services', 'Interface', true, 'Datadog', true,
            'full-access', 'https://docs.datadoghq.com/agent/guide/private-link/', 'migration');
    insert into template_field values
        (t, 1, 'subnetIds', 'Subnets', true, null,
         'One subnet per Availability Zone (subnet-...). Each gets a network interface, billed per hour.'),
        (t, 2, 'securityGroupIds', 'Security groups', true, null,
         'Must allow inbound TCP 443 from the hosts that run the Datadog Agent.'),
        (t, 3, 'privateDns', 'Private DNS', false, 'true',
         'Keep on: the Agent then reaches the usual Datadog host names through the endpoint.'),
        (t, 4, 'serviceRegion', 'Service region (cross-region)', false, null,
         'Only when your VPC is in another region than your Datadog site: the site''s region, e.g. us-east-1.'),
        (t, 10, 'policyChoice', 'Endpoint policy', true, 'full-access',
         'Partner services decide access with your Datadog API key; the endpoint policy stays open.');
    return t;
end;
$$;

do $$
declare
    t uuid;
begin
    t := seed_partner_template('datadog-logs', 'Datadog logs intake',
        'Ship logs from the Datadog Agent to Datadog over PrivateLink instead of NAT and the internet.');
    insert into template_regional_service values
        (t, 'us-east-1', 'com.amazonaws.vpce.us-east-1.vpce-svc-025a56b9187ac1f63', 'agent-http-intake.logs.datadoghq.com'),
        (t, 'ap-northeast-1', 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-03e139d1f2766685b', 'agent-http-intake.logs.ap1.datadoghq.com'),
        (t, 'ap-southeast-2', 'com.amazonaws.vpce.ap-southeast-2.vpce-svc-06460db30a7cfdace', 'agent-http-intake.logs.ap2.datadoghq.com');

    t := seed_partner_template('datadog-api', 'Datadog API',
        'The Datadog API (api.datadoghq.com): the Forwarder, API key validation and automation.');
    insert into template_regional_service values
        (t, 'us-east-1', 'com.amazonaws.vpce.us-east-1.vpce-svc-07895350fd0109264', 'api.datadoghq.com'),
        (t, 'ap-northeast-1', 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-008cd79a7a09e0a1e', 'api.ap1.datadoghq.com'),
        (t, 'ap-southeast-2', 'com.amazonaws.vpce.ap-southeast-2.vpce-svc-06ec78b291ce8020a', 'api.ap2.datadoghq.com');

    t := seed_partner_template('datadog-metrics', 'Datadog metrics intake',
        'Agent metrics (metrics.agent.datadoghq.com) over PrivateLink.');
    insert into template_regional_service values
        (t, 'us-east-1', 'com.amazonaws.vpce.us-east-1.vpce-svc-09a8006e245d1e7b8', 'metrics.agent.datadoghq.com'),
        (t, 'ap-northeast-1', 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-002d904d5e69340ad', 'metrics.agent.ap1.datadoghq.com'),
        (t, 'ap-southeast-2', 'com.amazonaws.vpce.ap-southeast-2.vpce-svc-06a30d6a016b746ff', 'agent.ap2.datadoghq.com');
end;
$$;

drop function seed_partner_template(text, text, text);
