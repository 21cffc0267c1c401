package io.vpcportal;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * The route-driven part of the fuzz corpus: every handler of the running portal (read from its
 * {@code RequestMappingHandlerMapping}, so a new route is covered without touching this class) gets hostile path
 * variables, query parameters, JSON bodies typed after its payload record, form fields typed after its form
 * object, wildcard content types, absurd list indexes and non-multipart posts. The cases come from a seeded
 * generator: the same seed gives the same corpus, and a failure names its case.
 */
final class HostileRoutes {

    static final long SEED = 20_261_207L;
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

    /** Text no form produces: NUL and other controls, unicode edge cases, and text that looks like a number. */
    static final List<String> TEXTS = List.of("a\u0000b", "\u0000", "\u0007bell", "\u001b[31mred\u001b[0m",
            "x\u007fy", "c1\u0085control", "line\rbreak-only-cr\u000b", "\uFEFFbom", "\u202Eevil\u202C", "\uD83D\uDE80",
            "e\u0301\u0301\u0301", "\u0661\u0662\u0663", "\uff11\uff12\uff13", "x".repeat(5_000),
            "' OR '1'='1", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd", "%00", "%zz");
    /** Numbers no form produces: huge exponents, beyond 64 digits, negative, not finite, other notations. */
    static final List<String> NUMBERS = List.of("1e1000000000", "-1e1000000000", "1e-1000000000", "9".repeat(100),
            "-1", "-0", "0.0000000001", "1e400", "NaN", "Infinity", "0x10", "1_000", "１２３", "12.5.6", "99999999999999999999");

    record Route(String method, String pattern, HandlerMethod handler) {

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean reads() {
            return method.equals("GET");
        }

        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        String path(String value) {
            return VARIABLE.matcher(pattern).replaceAll(Matcher.quoteReplacement(encode(value)));
        }

        String path() {
            return path("00000000-0000-0000-0000-000000000000");
        }
    }

    /** One exchange; {@code mustFail}: anything but a 4xx is a bug. Form fields go as a urlencoded body. */
    record Case(Route route, String description, String path, String query, String contentType, String body,
            boolean mustFail) {

        boolean form() {
            return !route.api() && body != null && !body.isEmpty();
        }

        @Override
        public String toString() {
            return route.method() + " " + route.pattern() + ": " + description;
        }
    }

    private HostileRoutes() {
    }

    static List<Route> routes(Map<RequestMappingInfo, HandlerMethod> handlers) {
        List<Route> routes = new ArrayList<>();
        Map<String, Route> sorted = new TreeMap<>();
        handlers.forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    sorted.put(pattern + " " + method, new Route(method.name(), pattern, handler));
                }
            }
        });
        routes.addAll(sorted.values());
        return routes;
    }

    static List<Case> cases(List<Route> routes) {
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        for (Route route : routes) {
            for (String variable : route.variables()) {
                for (int n = 0; n < 2; n++) {
                    String value = pick(random, TEXTS);
                    // a control character is never part of an id: 4xx, whatever the route
                    cases.add(new Case(route, "path {" + variable + "} := " + describe(value), route.path(value), null,
                            route.reads() || route.api() ? null : "application/x-www-form-urlencoded",
                            route.reads() || route.api() ? null : "", io.vpcportal.platform.TextRules.containsControl(value)));
                }
            }
            for (MethodParameter parameter : parameters(route.handler())) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && !MultipartFile.class.isAssignableFrom(parameter.getParameterType())
                        && route.reads()) {
                    String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                            : parameter.getParameterName();
                    for (int n = 0; n < 2; n++) {
                        boolean text = parameter.getParameterType() == String.class;
                        String value = text && n == 0 ? pick(random, TEXTS) : pick(random, NUMBERS);
                        cases.add(new Case(route, "?" + name + " := " + describe(value), route.path(),
                                name + "=" + encode(value), null, null,
                                text && io.vpcportal.platform.TextRules.containsControl(value)));
                    }
                }
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    cases.addAll(bodies(route, parameter.getParameterType(), random));
                }
                if (parameter.hasParameterAnnotation(ModelAttribute.class) && !route.reads() && !route.api()) {
                    cases.addAll(forms(route, parameter.getParameterType(), random));
                }
                if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    cases.add(new Case(route, "not multipart", route.path(), null,
                            "application/x-www-form-urlencoded", "file=abc", true));
                }
            }
            if (route.api() && !route.reads() && !route.method().equals("DELETE")) {
                for (String type : new String[] {"*/*", "application/*", "*/json"}) {
                    cases.add(new Case(route, "content type " + type, route.path(), null, type, "{}", true));
                }
            }
        }
        return cases;
    }

    /** Bodies typed after the payload record: each property in turn gets a hostile value of its kind. */
    private static List<Case> bodies(Route route, Class<?> payload, Random random) {
        List<Case> cases = new ArrayList<>();
        if (!payload.isRecord()) {
            return cases;
        }
        for (RecordComponent component : payload.getRecordComponents()) {
            Class<?> type = component.getType();
            String value;
            boolean mustFail;
            if (type == String.class) {
                String text = pick(random, TEXTS.subList(0, 7));
                value = json(text);
                mustFail = true;
            } else if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
                value = pick(random, List.of("1e1000000000", "-1e1000000000", "1" + "0".repeat(100), "1e400",
                        "-99999999999999999999"));
                mustFail = true;
            } else if (Collection.class.isAssignableFrom(type)) {
                String element = elementType(component.getGenericType()) == String.class
                        ? json(pick(random, TEXTS.subList(0, 7))) : "1e1000000000";
                value = random.nextBoolean() ? "[" + element + "]" : "[".repeat(3_000) + "]".repeat(3_000);
                mustFail = true;
            } else if (Map.class.isAssignableFrom(type)) {
                value = "{" + json("key\u0000") + ":\"x\"}";
                mustFail = true;
            } else if (Temporal.class.isAssignableFrom(type)) {
                value = json("2025-13-45");
                mustFail = true;
            } else {
                value = pick(random, List.of("\"NO_SUCH_VALUE\"", "[]", "1e1000000000", "{\"$ne\":1}"));
                mustFail = !type.isRecord() || !value.startsWith("{");
            }
            cases.add(new Case(route, "body " + component.getName() + " := " + abbreviate(value), route.path(), null,
                    "application/json", "{\"" + component.getName() + "\":" + value + "}", mustFail));
        }
        return cases;
    }

    /** Form posts typed after the form object: hostile text and numbers, and list indexes no form has. */
    private static List<Case> forms(Route route, Class<?> form, Random random) {
        List<Case> cases = new ArrayList<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(form)) {
            if (property.getWriteMethod() == null && !form.isRecord()) {
                continue;
            }
            Class<?> type = property.getPropertyType();
            String name = property.getName();
            if (type == String.class) {
                String text = pick(random, TEXTS.subList(0, 7));
                cases.add(new Case(route, "form " + name + " := " + describe(text), route.path(), null,
                        "application/x-www-form-urlencoded", name + "=" + encode(text), false));
            } else if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type == int.class
                    || type == long.class) {
                String number = pick(random, NUMBERS);
                cases.add(new Case(route, "form " + name + " := " + number, route.path(), null,
                        "application/x-www-form-urlencoded", name + "=" + encode(number), false));
            } else if (List.class.isAssignableFrom(type)) {
                cases.add(new Case(route, "form " + name + "[99999999]", route.path(), null,
                        "application/x-www-form-urlencoded", encode(name + "[99999999].x") + "=1&"
                                + encode(name + "[99999999]") + "=1", true));
            }
        }
        return cases;
    }

    private static List<MethodParameter> parameters(HandlerMethod handler) {
        List<MethodParameter> parameters = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            parameters.add(parameter);
        }
        return parameters;
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static String json(String text) {
        return io.vpcportal.PortalApi.json().getNodeFactory().stringNode(text).toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + " chars)" : describe(text);
    }

    static String describe(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(c < 0x20 || c >= 0x7f && c <= 0x9f ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return out.toString();
    }
}
