package io.vpcportal.policy.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A condition operator as written: an optional set qualifier ({@code ForAnyValue:}, {@code ForAllValues:}), a
 * base operator and an optional {@code IfExists} suffix (not allowed on {@code Null}).
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
public record ConditionOperator(String text, Qualifier qualifier, Base base, boolean ifExists) {

    public enum Qualifier {
        NONE, FOR_ANY_VALUE, FOR_ALL_VALUES
    }

    /** What values of this kind look like and how one request value compares to one policy value. */
    public enum Kind {
        STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL
    }

    public enum Comparison {
        EQ, LT, LE, GT, GE
    }

    public enum Base {
        StringEquals(Kind.STRING, false), StringNotEquals(Kind.STRING, true),
        StringEqualsIgnoreCase(Kind.STRING_IGNORE_CASE, false), StringNotEqualsIgnoreCase(Kind.STRING_IGNORE_CASE, true),
        StringLike(Kind.STRING_LIKE, false), StringNotLike(Kind.STRING_LIKE, true),
        NumericEquals(Kind.NUMERIC, false), NumericNotEquals(Kind.NUMERIC, true),
        NumericLessThan(Kind.NUMERIC, false, Comparison.LT), NumericLessThanEquals(Kind.NUMERIC, false, Comparison.LE),
        NumericGreaterThan(Kind.NUMERIC, false, Comparison.GT),
        NumericGreaterThanEquals(Kind.NUMERIC, false, Comparison.GE),
        DateEquals(Kind.DATE, false), DateNotEquals(Kind.DATE, true),
        DateLessThan(Kind.DATE, false, Comparison.LT), DateLessThanEquals(Kind.DATE, false, Comparison.LE),
        DateGreaterThan(Kind.DATE, false, Comparison.GT), DateGreaterThanEquals(Kind.DATE, false, Comparison.GE),
        Bool(Kind.BOOL, false), BinaryEquals(Kind.BINARY, false),
        IpAddress(Kind.IP, false), NotIpAddress(Kind.IP, true),
        ArnEquals(Kind.ARN, false), ArnLike(Kind.ARN, false), ArnNotEquals(Kind.ARN, true), ArnNotLike(Kind.ARN, true),
        Null(Kind.NULL, false);

        private final Kind kind;
        private final boolean negated;
        private final Comparison comparison;

        Base(Kind kind, boolean negated) {
            this(kind, negated, Comparison.EQ);
        }

        Base(Kind kind, boolean negated, Comparison comparison) {
            this.kind = kind;
            this.negated = negated;
            this.comparison = comparison;
        }

        public Kind kind() {
            return kind;
        }

        /** Negated operators match when no value matches (logical NOR) and when the key is absent. */
        public boolean negated() {
            return negated;
        }

        public Comparison comparison() {
            return comparison;
        }
    }

    public static Optional<ConditionOperator> parse(String text) {
        String rest = text;
        Qualifier qualifier = Qualifier.NONE;
        if (rest.regionMatches(true, 0, "ForAnyValue:", 0, 12)) {
            qualifier = Qualifier.FOR_ANY_VALUE;
            rest = rest.substring(12);
        } else if (rest.regionMatches(true, 0, "ForAllValues:", 0, 13)) {
            qualifier = Qualifier.FOR_ALL_VALUES;
            rest = rest.substring(13);
        }
        boolean ifExists = rest.length() > 8 && rest.toLowerCase(Locale.ROOT).endsWith("ifexists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - 8);
        }
        String name = rest;
        Optional<Base> base = Arrays.stream(Base.values()).filter(b -> b.name().equalsIgnoreCase(name)).findFirst();
        if (base.isEmpty() || base.get() == Base.Null && (ifExists || qualifier != Qualifier.NONE)) {
            return Optional.empty();
        }
        return Optional.of(new ConditionOperator(text, qualifier, base.get(), ifExists));
    }
}
