package io.vpcportal.catalog.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vpcportal.SignedIn;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointType;
import io.vpcportal.catalog.TemplateSummary;
import io.vpcportal.identity.Role;
import io.vpcportal.platform.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The catalog's JSON API in a web slice: request mapping, JSON shape and the RFC 9457 rendering of errors by
 * the platform's advice. The catalog itself is replaced; its rules are tested against the database elsewhere.
 */
@WebMvcTest(controllers = TemplateRestController.class)
class TemplateRestControllerSliceTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CatalogManagement catalog;

    @Test
    void listsTemplatesAsJson() throws Exception {
        given(catalog.search("s3", null)).willReturn(List.of(new TemplateSummary("s3-gateway", 1, "Amazon S3 (gateway)",
                "Free gateway endpoint", "Storage", EndpointType.Gateway, false, "AWS", new TreeSet<>(Set.of("eu-west-1")))));

        mvc.perform(get("/api/v1/templates").param("q", "s3").with(SignedIn.as(Role.REQUESTER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].key").value("s3-gateway"))
                .andExpect(jsonPath("$[0].endpointType").value("Gateway"))
                .andExpect(jsonPath("$[0].regions[0]").value("eu-west-1"));
    }

    @Test
    void anUnknownTemplateIsA404Problem() throws Exception {
        given(catalog.current("nope")).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/templates/nope").with(SignedIn.as(Role.REQUESTER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("No template 'nope'"));
    }

    @Test
    void fieldErrorsOfTheBodyAndOfTheDomainAreProblemsNamingTheField() throws Exception {
        mvc.perform(put("/api/v1/templates/glue").with(SignedIn.as(Role.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"surprise\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("surprise"));

        given(catalog.edit(eq("glue"), any(), eq("ada"))).willThrow(new InvalidInputException("regions",
                "'xx-nowhere-1' is not a known AWS region"));
        mvc.perform(put("/api/v1/templates/glue").with(SignedIn.as(Role.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"AWS Glue","description":"d","category":"Analytics","regions":["xx-nowhere-1"],
                                 "defaultPolicy":"organization","retired":false,
                                 "fields":[{"name":"subnetIds","label":"Subnets","required":true}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regions"))
                .andExpect(jsonPath("$.errors[0].message").value("'xx-nowhere-1' is not a known AWS region"));
    }
}
