package io.vpcportal.policy;

/**
 * One row of an access matrix: may this principal do this action on this resource from this network path?
 *
 * @param principal       an IAM role or user ARN ({@code arn:aws:iam::111111111111:role/app}), an account
 *                        ({@code arn:aws:iam::111111111111:root}), an AWS service principal
 *                        ({@code ssm.amazonaws.com}) or {@code *} for an anonymous caller
 * @param expectAllowed   what the requester expects: {@code true} (needed), {@code false} (must be impossible) or
 *                        {@code null} (just show it)
 * @param resourceAccount the account owning the resource when its ARN does not say (S3 buckets); {@code null}
 *                        means the endpoint's account, or AWS itself for the AWS-owned buckets
 */
public record AccessCheck(String principal, String action, String resource, NetworkPath path, Boolean expectAllowed,
        String resourceAccount) {

    public AccessCheck(String principal, String action, String resource, NetworkPath path) {
        this(principal, action, resource, path, null, null);
    }

    public AccessCheck expecting(boolean allowed) {
        return new AccessCheck(principal, action, resource, path, allowed, resourceAccount);
    }
}
