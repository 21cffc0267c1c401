package io.vpcportal.aws;

import java.util.Map;
import java.util.Set;

/**
 * Every AWS action the portal's adapters (the {@code aws} packages of all modules) can call, as IAM names them: the
 * member-role policy in {@code deploy/policy/} must allow exactly the member actions, the discovery-role policy
 * exactly the discovery ones. A test reads the {@code aws} packages for SDK operation calls and fails when this list
 * and the code differ; another checks the policies against it; a third checks every action recorded in the tests
 * against moto. STS {@code AssumeRole} is called by the portal's own identity, never by these roles.
 */
public final class AwsActions {

    /** Called in member accounts, through the member role (provisioning, inventory, savings). */
    public static final Set<String> MEMBER_ROLE = Set.of(
            "ec2:CreateTags", "ec2:CreateVpcEndpoint", "ec2:DeleteTags", "ec2:DeleteVpcEndpoints",
            "ec2:DescribeNatGateways", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets",
            "ec2:DescribeVpcAttribute", "ec2:DescribeVpcEndpointServices", "ec2:DescribeVpcEndpoints",
            "ec2:DescribeVpcs", "ec2:ModifyVpcEndpoint",
            "route53:GetHostedZone", "route53:ListHostedZones",
            "route53:AssociateVPCWithHostedZone", "route53:ChangeResourceRecordSets", "route53:CreateHostedZone",
            "route53:CreateVPCAssociationAuthorization", "route53:DeleteHostedZone",
            "route53:DeleteVPCAssociationAuthorization", "route53:DisassociateVPCFromHostedZone",
            "route53:ListHostedZonesByVPC", "route53:ListResourceRecordSets",
            "s3:DeleteBucketPolicy", "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:ListBucket", "s3:GetObject",
            "cloudwatch:GetMetricData");

    /** Called in the management or delegated-administrator account, through the discovery role. */
    public static final Set<String> DISCOVERY_ROLE = Set.of(
            "organizations:ListRoots", "organizations:ListOrganizationalUnitsForParent",
            "organizations:ListAccountsForParent", "organizations:ListTagsForResource");

    /** Called by the portal's own identity (its instance, task or pod role): assuming the two roles above. */
    public static final Set<String> PORTAL_IDENTITY = Set.of("sts:AssumeRole");

    /** SDK operations whose IAM action has another name ({@code service:Operation} to {@code service:action}). */
    public static final Map<String, String> IAM_NAME_OF = Map.of("s3:ListObjectsV2", "s3:ListBucket");

    private AwsActions() {
    }

    /** The IAM action of an SDK operation ({@code ec2:DescribeVpcs}, {@code s3:ListObjectsV2}). */
    public static String iamAction(String serviceAndOperation) {
        return IAM_NAME_OF.getOrDefault(serviceAndOperation, serviceAndOperation);
    }
}
