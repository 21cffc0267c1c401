/**
 * The portal's one way into AWS: the portal's own credentials (the SDK's default provider chain, never stored),
 * role assumption into each account with its external id (one bounded cache of assumed-role credentials), SDK clients
 * created once per (account, region, client type) with the STANDARD retry mode, the endpoint override of
 * {@code portal.aws.endpoint} (an emulator such as moto), and the portal's own call rate per (account, region).
 * {@link io.vpcportal.aws.AwsAccess} decides whether the portal calls AWS at all (plan-only mode).
 *
 * <p>Its API is {@link io.vpcportal.aws.AwsTarget} (where a call goes), {@link io.vpcportal.aws.AwsAccess},
 * {@link io.vpcportal.aws.AwsProperties}, {@link io.vpcportal.aws.AwsActions} (the IAM actions the portal calls),
 * {@link io.vpcportal.aws.AwsCallFailed} (what adapters turn SDK exceptions into), the port
 * {@link io.vpcportal.aws.AwsCallLog} (where adapters record each call; provisioning implements it),
 * {@link io.vpcportal.aws.LoggedAwsCalls} (the one wrapper that times a call, records it and maps its failure) and the
 * client factory {@link io.vpcportal.aws.AwsClients}, which hands out SDK types and so is for the feature modules'
 * {@code aws} adapter packages only. It depends on no feature module.
 */
package io.vpcportal.aws;
