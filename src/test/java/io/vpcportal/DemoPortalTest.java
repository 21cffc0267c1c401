package io.vpcportal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole portal on a random port with the demo users and account, against a throw-away embedded
 * PostgreSQL. Every class with this annotation shares one Spring context (and so one database): tests must
 * not assume an empty database, only look at what they created. Webhook retries are made fast here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.notification.dispatch-interval=100ms",
        "portal.notification.initial-backoff=100ms",
        "portal.notification.max-backoff=400ms",
        "portal.notification.max-attempts=4",
        "portal.notification.connect-timeout=2s",
        "portal.notification.request-timeout=5s"})
@ActiveProfiles({"test", "demo"})
public @interface DemoPortalTest {
}
