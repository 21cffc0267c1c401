package io.vpcportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole portal calling AWS for real, against the moto server started for the test JVM. All classes with
 * this annotation share one context (a second PostgreSQL next to the {@link PortalIntegrationTest} one).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "portal.aws.mode=apply", "portal.aws.calls-per-second=50",
        "portal.provisioning.poll-interval=200ms", "portal.provisioning.initial-backoff=1s",
        "db-scheduler.polling-interval=500ms"})
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = MotoContextInitializer.class)
public @interface AwsIntegrationTest {
}
