package io.vpcportal.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: the portal's title, its build version, and how to authenticate.
 * Every operation names its security requirement itself (a bearer API token; creating a token also takes HTTP
 * Basic), so that generators and linters that read operations one by one see it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String BASIC = "basic";

    private static final String DESCRIPTION = """
            Self-service VPC endpoints: the catalog of endpoint templates, requests and their approval, the \
            generated endpoint and bucket policies, provisioning in AWS, the inventory of what exists (drift, \
            coverage), cost estimates and the savings ledger, webhooks and the audit trail.

            Authenticate with a personal API token (`Authorization: Bearer vpcp_…`), created on the API tokens page \
            or with `POST /api/v1/tokens` and HTTP Basic. Errors are RFC 9457 `application/problem+json` documents \
            that name the fields at fault.""";

    @Bean
    OpenAPI portalOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "development" : properties.getVersion();
        return new OpenAPI()
                // no licence is named: the repository has none, and the document must not invent one
                .info(new Info().title("VPC Endpoint Portal API").version(version).description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("API token")
                                .description("A personal API token: `Authorization: Bearer vpcp_…`"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Username and password; only to create a token (POST /api/v1/tokens)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Puts the security requirement on each operation: the bearer token, and for creating a token HTTP Basic too. */
    @Bean
    OpenApiCustomizer securityOnEveryOperation() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> operations(item).forEach((method, operation) -> {
                boolean issuesTokens = path.equals("/api/v1/tokens") && method == PathItem.HttpMethod.POST;
                operation.setSecurity(issuesTokens
                        ? List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER))
                        : List.of(new SecurityRequirement().addList(BEARER)));
            }));
        };
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        return item.readOperationsMap();
    }
}
