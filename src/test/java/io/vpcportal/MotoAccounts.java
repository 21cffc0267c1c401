package io.vpcportal;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Member accounts in the shared moto server, reached the way the portal reaches them: AssumeRole into the account's
 * portal role (external id {@code ext-<account>}). moto keeps each account's resources apart by the account of the
 * credentials, so a test that registers an account with {@link #roleOf} and builds its resources through
 * {@link #ec2As} sees only its own, whatever other test classes put into moto.
 */
public final class MotoAccounts {

    private MotoAccounts() {
    }

    public static String roleOf(String account) {
        return "arn:aws:iam::" + account + ":role/vpc-endpoint-portal";
    }

    public static String externalIdOf(String account) {
        return "ext-" + account;
    }

    /** Credentials of {@code account}'s portal role (refreshed by the SDK as they expire). */
    public static AwsCredentialsProvider credentialsOf(String account, String region) {
        StsClient sts = StsClient.builder().region(Region.of(region)).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts).refreshRequest(r -> r.roleArn(roleOf(account))
                .roleSessionName("test").externalId(externalIdOf(account))).build();
    }

    /** A Route 53 client acting in {@code account} of the shared moto server (Route 53 is global). */
    public static Route53Client route53As(String account) {
        return Route53Client.builder().region(Region.AWS_GLOBAL).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(credentialsOf(account, "us-east-1"))
                .build();
    }

    /** An EC2 client acting in {@code account} and {@code region} of the shared moto server. */
    public static Ec2Client ec2As(String account, String region) {
        return Ec2Client.builder().region(Region.of(region)).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(credentialsOf(account, region))
                .build();
    }
}
