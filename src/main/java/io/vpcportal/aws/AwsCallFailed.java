package io.vpcportal.aws;

/**
 * An AWS call failed: what the feature modules' adapters turn SDK exceptions into. {@code retryable} errors
 * (throttling, 5xx, lost connections) are worth another attempt later; the others need a person.
 */
public class AwsCallFailed extends RuntimeException {

    private final String code;
    private final boolean retryable;

    public AwsCallFailed(String action, String code, String message, boolean retryable, Throwable cause) {
        super(action + " failed: " + (code == null ? "" : code + ": ") + message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean notFound() {
        return code != null && code.endsWith(".NotFound");
    }

    public boolean idempotencyMismatch() {
        return "IdempotentParameterMismatch".equals(code);
    }
}
