package io.vpcportal.provisioning.internal;

import io.vpcportal.aws.AwsCallLog;
import io.vpcportal.provisioning.ProvisioningDetails.AwsCallRecord;
import io.vpcportal.provisioning.ProvisioningDetails.EndpointProgress;
import io.vpcportal.provisioning.ProvisioningDetails.PlannedCall;
import io.vpcportal.provisioning.ProvisioningDetails;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provisioning tables. Each write is its own short statement so that progress (an endpoint id just
 * created, a failed call) is kept even when the step that follows fails.
 */
@Repository
public class ProvisioningStore implements AwsCallLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    ProvisioningStore(JdbcClient jdbc, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Runs {@code work} while holding a PostgreSQL advisory lock for the bucket: PutBucketPolicy replaces the
     * whole document, so two writers (threads or portal instances) must never read-merge-write at once.
     */
    public void withBucketLock(String accountId, String bucket, Runnable work) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "bucket-policy:" + accountId + ":" + bucket).query(Object.class).optional();
            work.run();
        });
    }

    public boolean createJob(UUID requestId, String mode, String status, List<PlannedCall> plan) {
        int created = jdbc.sql("""
                insert into provisioning_job (request_id, mode, status, created_at, updated_at)
                values (:id, :mode, :status, :now, :now) on conflict (request_id) do nothing""")
                .param("id", requestId).param("mode", mode).param("status", status).param("now", now()).update();
        if (created == 0) {
            return false;
        }
        insertPlan(requestId, plan);
        return true;
    }

    private void insertPlan(UUID requestId, List<PlannedCall> plan) {
        for (PlannedCall call : plan) {
            jdbc.sql("""
                    insert into planned_call (request_id, seq, position, action, summary, parameters)
                    values (:id, :seq, :position, :action, :summary, :parameters)""")
                    .param("id", requestId).param("seq", call.seq()).param("position", call.position())
                    .param("action", call.action()).param("summary", call.summary())
                    .param("parameters", call.parameters()).update();
        }
    }

    /** Like {@link #createJob}, for a job that modifies ({@code MODIFY}) or deletes ({@code DELETE}) endpoints. */
    public boolean createJob(UUID requestId, String operation, String mode, String status, List<PlannedCall> plan) {
        if (!createJob(requestId, mode, status, plan)) {
            return false;
        }
        jdbc.sql("update provisioning_job set operation = :operation where request_id = :id")
                .param("id", requestId).param("operation", operation).update();
        return true;
    }

    /**
     * Turns the request's job into a new one (a decommission after the create): new operation, mode, status
     * and plan, attempts from zero. Endpoints and the call log stay. False when the job already has this
     * operation (the approval was seen twice).
     */
    public boolean replaceJob(UUID requestId, String operation, String mode, String status, List<PlannedCall> plan) {
        if (operation(requestId).filter(operation::equals).isPresent()) {
            return false;
        }
        if (jobStatus(requestId).isEmpty()) {
            return createJob(requestId, operation, mode, status, plan);
        }
        jdbc.sql("""
                update provisioning_job set operation = :operation, mode = :mode, status = :status, step = null,
                       attempts = 0, last_error = null, updated_at = :now, version = version + 1
                where request_id = :id""")
                .param("id", requestId).param("operation", operation).param("mode", mode).param("status", status)
                .param("now", now()).update();
        jdbc.sql("delete from planned_call where request_id = :id").param("id", requestId).update();
        insertPlan(requestId, plan);
        return true;
    }

    /** CREATE, MODIFY or DELETE; empty when the request has no job. */
    public Optional<String> operation(UUID requestId) {
        return jdbc.sql("select operation from provisioning_job where request_id = :id").param("id", requestId)
                .query(String.class).optional();
    }

    public void status(UUID requestId, String status, String step, String error) {
        jdbc.sql("""
                update provisioning_job set status = :status, step = :step, last_error = :error, updated_at = :now,
                       version = version + 1
                where request_id = :id""")
                .param("id", requestId).param("status", status).param("step", step)
                .param("error", error == null ? null : truncate(error, 4000)).param("now", now()).update();
    }

    public int startAttempt(UUID requestId) {
        return jdbc.sql("""
                update provisioning_job set status = 'RUNNING', attempts = attempts + 1, updated_at = :now,
                       version = version + 1
                where request_id = :id returning attempts""")
                .param("id", requestId).param("now", now()).query(Integer.class).single();
    }

    public Optional<String> jobStatus(UUID requestId) {
        return jdbc.sql("select status from provisioning_job where request_id = :id").param("id", requestId)
                .query(String.class).optional();
    }

    public Optional<EndpointProgress> endpoint(UUID requestId, int position) {
        return jdbc.sql("""
                select position, vpc_endpoint_id, state, last_error, client_token from provisioned_endpoint
                where request_id = :id and position = :position""")
                .param("id", requestId).param("position", position)
                .query((rs, n) -> new EndpointProgress(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).optional();
    }

    public void endpoint(UUID requestId, int position, String clientToken, String endpointId, String state,
            String error) {
        jdbc.sql("""
                insert into provisioned_endpoint (request_id, position, client_token, vpc_endpoint_id, state, last_error, updated_at)
                values (:id, :position, :token, :endpoint, :state, :error, :now)
                on conflict (request_id, position) do update set client_token = excluded.client_token,
                    vpc_endpoint_id = coalesce(excluded.vpc_endpoint_id, provisioned_endpoint.vpc_endpoint_id),
                    state = excluded.state, last_error = excluded.last_error, updated_at = excluded.updated_at""")
                .param("id", requestId).param("position", position).param("token", clientToken)
                .param("endpoint", endpointId).param("state", state)
                .param("error", error == null ? null : truncate(error, 2000)).param("now", now()).update();
    }

    @Override
    public void record(UUID requestId, String accountId, String region, String action, String target, String outcome,
            long durationMillis, String errorCode, String message) {
        jdbc.sql("""
                insert into aws_call (request_id, called_at, account_id, region, action, target, outcome, duration_ms,
                                      error_code, message)
                values (:id, :now, :account, :region, :action, :target, :outcome, :ms, :code, :message)""")
                .param("id", requestId).param("now", now()).param("account", accountId).param("region", region)
                .param("action", action).param("target", target == null ? null : truncate(target, 300))
                .param("outcome", outcome).param("ms", (int) Math.min(Integer.MAX_VALUE, durationMillis))
                .param("code", errorCode == null ? null : truncate(errorCode, 100))
                .param("message", message == null ? null : truncate(message, 1000)).update();
    }

    public Optional<ProvisioningDetails> details(UUID requestId) {
        return jdbc.sql("""
                select mode, status, step, attempts, last_error, updated_at from provisioning_job where request_id = :id""")
                .param("id", requestId)
                .query((rs, n) -> new ProvisioningDetails(requestId, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(), plan(requestId),
                        endpoints(requestId), calls(requestId)))
                .optional();
    }

    public List<PlannedCall> plan(UUID requestId) {
        return jdbc.sql("select seq, position, action, summary, parameters from planned_call where request_id = :id order by seq")
                .param("id", requestId)
                .query((rs, n) -> new PlannedCall(rs.getInt(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    private List<EndpointProgress> endpoints(UUID requestId) {
        return jdbc.sql("""
                select position, vpc_endpoint_id, state, last_error, client_token from provisioned_endpoint
                where request_id = :id order by position""")
                .param("id", requestId)
                .query((rs, n) -> new EndpointProgress(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    private List<AwsCallRecord> calls(UUID requestId) {
        return jdbc.sql("""
                select called_at, action, target, outcome, duration_ms, error_code, message from aws_call
                where request_id = :id order by id desc limit 200""")
                .param("id", requestId)
                .query((rs, n) -> new AwsCallRecord(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7))).list();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
