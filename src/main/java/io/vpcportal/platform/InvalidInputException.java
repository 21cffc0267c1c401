package io.vpcportal.platform;

import java.util.List;

/** Input that breaks rules only the domain can check (membership, allowed regions, catalog contents). */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("Invalid input: " + violations);
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
