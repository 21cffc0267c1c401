package io.vpcportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.DemoPortalTest;
import io.vpcportal.PortalApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.ControllerAdviceBean;

/**
 * Every controller of the portal is either a page controller or a REST controller, and the layout's model
 * attributes are added for pages only: an API call builds no model (and an approver's API reads count no pending
 * decisions), while pages still mark the current menu item.
 */
@DemoPortalTest
class PageControllerIntegrationTests {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void everyControllerIsAPageOrARestController() {
        List<Class<?>> controllers = portalControllers();

        assertThat(controllers).hasSizeGreaterThan(30);
        for (Class<?> type : controllers) {
            boolean page = AnnotatedElementUtils.hasAnnotation(type, PageController.class);
            boolean rest = AnnotatedElementUtils.hasAnnotation(type, RestController.class);
            assertThat(page ^ rest).as(type.getName() + " is exactly one of @PageController and @RestController")
                    .isTrue();
        }
    }

    @Test
    void theLayoutsModelAttributesApplyToPageControllersOnly() {
        List<ControllerAdviceBean> modelAdvices = ControllerAdviceBean.findAnnotatedBeans(context).stream()
                .filter(a -> a.getBeanType() == LayoutModel.class
                        || a.getBeanType().getSimpleName().equals("PendingDecisionsBadge"))
                .toList();
        assertThat(modelAdvices).hasSize(2);

        for (Class<?> type : portalControllers()) {
            boolean page = AnnotatedElementUtils.hasAnnotation(type, PageController.class);
            for (ControllerAdviceBean advice : modelAdvices) {
                assertThat(advice.isApplicableToBeanType(type)).as(advice.getBeanType().getSimpleName() + " on "
                        + type.getSimpleName()).isEqualTo(page);
            }
        }
    }

    @Test
    void pagesStillMarkTheCurrentMenuItem() {
        PortalApi browser = PortalApi.browser(port);
        browser.signIn("net-approver", PortalApi.DEMO_PASSWORD);

        String requests = browser.page("/requests").body();

        assertThat(requests).containsPattern("href=\"/requests\"[^>]*class=\"nav-link active\"|"
                + "class=\"nav-link active\"[^>]*href=\"/requests\"");
        assertThat(requests).contains("id=\"nav-approvals\"");
    }

    private List<Class<?>> portalControllers() {
        return context.getBeansWithAnnotation(Controller.class).values().stream()
                .<Class<?>>map(AopUtils::getTargetClass)
                .filter(type -> type.getPackageName().startsWith("io.vpcportal"))
                .toList();
    }
}
