package io.vpcportal.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
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
    static final String PROBLEM = "Problem";

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

    /**
     * Puts on each operation its security requirement (the bearer token, and for creating a token HTTP Basic too)
     * and the answer every one of them can give: 401, a problem document, when the token is missing or not valid.
     */
    @Bean
    OpenApiCustomizer securityOnEveryOperation() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> operations(item).forEach((method, operation) -> {
                boolean issuesTokens = path.equals("/api/v1/tokens") && method == PathItem.HttpMethod.POST;
                operation.setSecurity(issuesTokens
                        ? List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER))
                        : List.of(new SecurityRequirement().addList(BEARER)));
                if (operation.getResponses() == null) {
                    operation.setResponses(new ApiResponses());
                }
                operation.getResponses().putIfAbsent("401", new ApiResponse()
                        .description(issuesTokens ? "Wrong username or password, or no valid token"
                                : "No token, or a token that is not valid (expired, revoked, unknown)")
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }));
        };
    }

    /** RFC 9457 problem details, with the fields at fault. */
    private static Schema<?> problemSchema() {
        Schema<?> error = new ObjectSchema().addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri-reference"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(error));
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        return item.readOperationsMap();
    }
}
