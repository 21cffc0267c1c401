package io.vpcportal.notification.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vpcportal.SignedIn;
import io.vpcportal.identity.Role;
import io.vpcportal.notification.WebhookManagement;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The webhook API's refusals as RFC 9457 problems: a bad format, a rule of the module, an unknown id, a bad id. */
@WebMvcTest(controllers = WebhookRestController.class)
class WebhookRestControllerSliceTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    WebhookManagement webhooks;

    @Test
    void anUnknownFormatIsAProblemNamingIt() throws Exception {
        mvc.perform(post("/api/v1/webhooks").with(SignedIn.as(Role.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"chat\",\"url\":\"https://chat.example.com/h\",\"format\":\"FAX\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        verifyNoInteractions(webhooks);
    }

    @Test
    void aRuleTheModuleEnforcesIsAProblemNamingTheField() throws Exception {
        given(webhooks.create(any(), eq(null), eq("ada")))
                .willThrow(new InvalidInputException("url", "must be an https address"));
        mvc.perform(post("/api/v1/webhooks").with(SignedIn.as(Role.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"chat\",\"url\":\"ftp://chat.example.com/h\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].message").value("must be an https address"));
    }

    @Test
    void anUnknownWebhookIsA404AndABadIdA400() throws Exception {
        UUID unknown = UUID.randomUUID();
        given(webhooks.get(unknown)).willThrow(new NotFoundException("No webhook " + unknown));
        mvc.perform(get("/api/v1/webhooks/" + unknown).with(SignedIn.as(Role.ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No webhook " + unknown));
        mvc.perform(get("/api/v1/webhooks/not-a-uuid").with(SignedIn.as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
