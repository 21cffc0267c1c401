package io.vpcportal.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders pages (Thymeleaf views and their htmx fragments). The layout's model attributes (the
 * current path, the approver's badge) are added for these only: {@code @ControllerAdvice(annotations =
 * Controller.class)} would also match every {@code @RestController}, which carries {@code @Controller}, and make
 * each API call build and fill a model it never renders (about 5 % of a create's CPU, and a count of pending
 * decisions on every API read by an approver). {@code PageControllerIntegrationTests} checks that every controller is one of
 * the two kinds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
