package io.vpcportal.provisioning;

import java.util.UUID;

/** Where the AWS adapter reports each call it made. Never receives credentials. */
public interface AwsCallLog {

    void record(UUID requestId, String accountId, String region, String action, String target, String outcome,
            long durationMillis, String errorCode, String message);
}
