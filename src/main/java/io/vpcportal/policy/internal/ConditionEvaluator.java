package io.vpcportal.policy.internal;

import io.vpcportal.policy.internal.ConditionOperator.Base;
import io.vpcportal.policy.internal.ConditionOperator.Comparison;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides one condition as IAM documents it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html and
 * reference_policies_multi-value-conditions.html): several values of one key are ORed, of a negated operator NORed;
 * a key absent from the request makes a condition false, a negated one true, an {@code ...IfExists} one true;
 * {@code ForAnyValue} needs one request value to match (absent: false), {@code ForAllValues} needs every request
 * value to match (absent: true).
 */
public final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    public static boolean matches(Condition condition, RequestContext request) {
        ConditionOperator op = condition.operator();
        List<String> actual = request.values(condition.key());
        boolean absent = actual.isEmpty();
        Base base = op.base();
        if (base == Base.Null) {
            return condition.values().stream().anyMatch(v -> Boolean.parseBoolean(v) == absent);
        }
        if (absent) {
            return switch (op.qualifier()) {
                case NONE -> op.ifExists() || base.negated();
                case FOR_ANY_VALUE -> op.ifExists();
                case FOR_ALL_VALUES -> true;
            };
        }
        Predicate<String> one = value -> {
            boolean any = condition.values().stream().anyMatch(expected -> compare(base, value, expected));
            return base.negated() != any;
        };
        return switch (op.qualifier()) {
            case NONE -> base.negated() ? actual.stream().allMatch(one) : actual.stream().anyMatch(one);
            case FOR_ANY_VALUE -> actual.stream().anyMatch(one);
            case FOR_ALL_VALUES -> actual.stream().allMatch(one);
        };
    }

    /** Whether one request value matches one policy value, in the operator's positive sense. */
    static boolean compare(Base base, String actual, String expected) {
        return switch (base.kind()) {
            case STRING, BINARY -> actual.equals(expected);
            case STRING_IGNORE_CASE, BOOL -> actual.equalsIgnoreCase(expected);
            case STRING_LIKE -> Glob.matches(expected, actual, false);
            case ARN -> Glob.matchesArn(expected, actual);
            case IP -> ConditionValues.cidr(expected)
                    .flatMap(block -> ConditionValues.cidr(actual).map(block::contains)).orElse(false);
            case NUMERIC -> ordered(ConditionValues.number(actual), ConditionValues.number(expected),
                    base.comparison());
            case DATE -> ordered(ConditionValues.date(actual), ConditionValues.date(expected), base.comparison());
            case NULL -> false;
        };
    }

    private static <T extends Comparable<T>> boolean ordered(Optional<T> actual, Optional<T> expected,
            Comparison comparison) {
        if (actual.isEmpty() || expected.isEmpty()) {
            return false;
        }
        int c = actual.get().compareTo(expected.get());
        return switch (comparison) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }
}
