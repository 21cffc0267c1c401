package io.vpcportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole portal calling AWS through {@link FaultyAwsProxy} in front of the shared moto server, for what moto
 * cannot do by itself (refused roles, lost answers, throttling, answers rewritten). All classes with this
 * annotation share one context. The portal is limited to {@value #CALLS_PER_SECOND} AWS calls a second per
 * account and region here, so that its limiter is what sets the pace and can be measured at the proxy.
 * Tests look at moto directly (around the proxy) and reset the proxy's rules before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "portal.aws.mode=apply", "portal.aws.calls-per-second=" + ProxiedAwsIntegrationTest.CALLS_PER_SECOND,
        "portal.provisioning.poll-interval=200ms", "portal.provisioning.initial-backoff=1s",
        "db-scheduler.polling-interval=500ms"})
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = ProxiedAwsIntegrationTest.ThroughTheProxy.class)
public @interface ProxiedAwsIntegrationTest {

    int CALLS_PER_SECOND = 4;

    /** Starts the proxy in front of the shared moto server and points the portal at it. */
    class ThroughTheProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static FaultyAwsProxy proxy;

        /** The one proxy of the test JVM. */
        public static synchronized FaultyAwsProxy proxy() {
            if (proxy == null) {
                proxy = new FaultyAwsProxy(MotoServer.shared().endpoint());
            }
            return proxy;
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
            TestPropertyValues.of("portal.aws.endpoint=" + proxy().endpoint()).applyTo(context);
        }
    }
}
