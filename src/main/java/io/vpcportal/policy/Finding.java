package io.vpcportal.policy;

import java.util.Objects;

/**
 * One thing the portal noticed about a policy.
 *
 * @param code    a {@link FindingCode} name, stable for clients
 * @param path    where in the document, such as {@code endpointPolicy.Statement[1].Principal}; empty for the
 *                whole document
 */
public record Finding(Severity severity, String code, String message, String path) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        path = path == null ? "" : path;
    }

    public static Finding of(Severity severity, FindingCode code, String message, String path) {
        return new Finding(severity, code.name(), message, path);
    }

    public boolean blocking() {
        return severity == Severity.ERROR;
    }

    /** The same finding located under {@code prefix} (a document inside a larger answer). */
    public Finding under(String prefix) {
        return new Finding(severity, code, message, path.isEmpty() ? prefix : prefix + "." + path);
    }
}
