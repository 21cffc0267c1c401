package io.vpcportal.policy.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who makes a simulated request: an IAM role or user, a whole account, an AWS service principal, or nobody
 * (anonymous).
 */
public record RequestPrincipal(Type type, String arn, String account, String service) {

    public enum Type {
        ROLE, USER, ACCOUNT, SERVICE, ANONYMOUS
    }

    private static final Pattern IAM = Pattern.compile("arn:aws(-[a-z]+)*:iam::(\\d{12}):(root|role/.+|user/.+)");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com(\\.cn)?");

    public static Optional<RequestPrincipal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.equals("*") || t.equalsIgnoreCase("anonymous")) {
            return Optional.of(new RequestPrincipal(Type.ANONYMOUS, null, null, null));
        }
        if (SERVICE.matcher(t).matches()) {
            return Optional.of(new RequestPrincipal(Type.SERVICE, null, null, t));
        }
        Matcher m = IAM.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        Type type = m.group(3).equals("root") ? Type.ACCOUNT : m.group(3).startsWith("role/") ? Type.ROLE : Type.USER;
        return Optional.of(new RequestPrincipal(type, t, m.group(2), null));
    }

    public boolean isIam() {
        return type == Type.ROLE || type == Type.USER || type == Type.ACCOUNT;
    }

    /** The value of {@code aws:PrincipalType}. */
    public String principalType() {
        return switch (type) {
            case ROLE -> "AssumedRole";
            case USER -> "User";
            case ACCOUNT -> "Account";
            case SERVICE -> "Service";
            case ANONYMOUS -> "Anonymous";
        };
    }
}
