package io.vpcportal.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A traffic figure in GB per month, as a payload or form gives it: 0 to 10^9 with at most 3 decimals. The bound is a
 * guard at the edge (no endpoint carries an exabyte a month); the domain may allow less.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = {})
@DecimalMin(value = "0", message = "must be between 0 and 1000000000")
@DecimalMax(value = "1000000000", message = "must be between 0 and 1000000000")
@Digits(integer = 10, fraction = 3, message = "must have at most 3 decimals")
public @interface GigabytesAMonth {

    String message() default "must be between 0 and 1000000000 with at most 3 decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
