/**
 * Turns approved requests into real VPC endpoints: a durable job per request plans the exact AWS calls,
 * checks the VPC before any create (preflight), creates each endpoint idempotently (deterministic client
 * token, request tag looked up before every create), waits until it is usable and records every call.
 * Without AWS configuration it stops after the plan (plan-only mode). Only {@code aws} imports the SDK, with
 * clients, credentials and call rates from the {@link io.vpcportal.aws} module.
 */
package io.vpcportal.provisioning;
