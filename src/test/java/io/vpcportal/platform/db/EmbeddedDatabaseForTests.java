package io.vpcportal.platform.db;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The portal's embedded PostgreSQL for slice tests ({@code @DataJpaTest}), which do not scan the package-private
 * {@link EmbeddedDatabaseConfiguration} themselves.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(EmbeddedDatabaseConfiguration.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseForTests {
}
