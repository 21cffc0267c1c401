package io.vpcportal.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The portal's static files, each under its own path, instead of Spring Boot's catch-all {@code /**} (switched off:
 * {@code spring.web.resources.add-mappings: false}). With the catch-all, every link a page writes ({@code @{/inventory}}
 * too) went through the resource chain's URL rewriting, which looks for a file of that name in four classpath folders
 * of every jar and caches only the files it finds: about half the CPU of rendering a page (a JFR profile of the home
 * page; {@code bench/README.md}). Now only links under these paths are looked up, and each once (the chain's cache).
 * Webjars keep their versionless links ({@code /webjars/bootstrap/css/bootstrap.min.css}), rewritten to the version
 * on the classpath.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/").resourceChain(true);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
