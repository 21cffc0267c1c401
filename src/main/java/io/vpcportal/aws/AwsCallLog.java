package io.vpcportal.aws;

import java.util.UUID;

/**
 * Where the AWS adapters report each call they made: provisioning implements it and keeps the rows (table
 * {@code aws_call}) with the request's progress. Never receives credentials.
 */
public interface AwsCallLog {

    void record(UUID requestId, String accountId, String region, String action, String target, String outcome,
            long durationMillis, String errorCode, String message);
}
