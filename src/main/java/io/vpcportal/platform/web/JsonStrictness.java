package io.vpcportal.platform.web;

import io.vpcportal.platform.TextRules;
import java.math.BigDecimal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The API reads JSON strictly: a key given twice, or a number where text belongs ({@code "accountId": 1111...})
 * is an error rather than a guess. Unknown properties are refused through {@code spring.jackson}. Scalars keep their
 * JSON type both ways: a number or boolean is no text ({@code "title": 12}), and text, empty or not, is no number or
 * boolean ({@code "expiresInDays": ""} is not "absent").
 * <p>
 * Numbers are bounded while parsing, before any arithmetic sees them: a number token longer than
 * {@value #MAX_NUMBER_LENGTH} characters is refused by the parser, and a decimal whose exponent moves it more than
 * {@value #MAX_DECIMAL_EXPONENT} places ({@code 1e1000000000}: twelve characters, but a billion digits once scaled)
 * is refused as it is read. Without this, one such number kept a CPU busy for half a minute. Text (values and map
 * keys) with a control character is refused too, naming its property ({@link TextRules#containsControl}).
 */
@Configuration(proxyBeanMethods = false)
class JsonStrictness {

    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_DECIMAL_EXPONENT = 64;

    /** Spring Boot's mapper builder, but on a parser factory with the portal's limits (Boot offers no property). */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(new SimpleModule("bounded-input")
                        .addDeserializer(BigDecimal.class, new BoundedDecimals())
                        .addDeserializer(String.class, new PlainStrings())
                        .addKeyDeserializer(String.class, new PlainKeys()))
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, number -> number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, number -> number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }

    /** Jackson's own text reading, refusing control characters in every text of every payload. */
    static final class PlainStrings extends StdScalarDeserializer<String> {

        PlainStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (TextRules.containsControl(value)) {
                return ctxt.reportInputMismatch(String.class, TextRules.CONTROL_CHARACTERS);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Property names of maps (tags) obey the same rule as text. */
    static final class PlainKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            if (TextRules.containsControl(key)) {
                return ctxt.reportInputMismatch(String.class, TextRules.CONTROL_CHARACTERS);
            }
            return key;
        }
    }

    /** Jackson's own decimal reading, refusing an exponent no field of the portal could need. */
    static final class BoundedDecimals extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimals() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (value != null && Math.abs((long) value.scale()) > MAX_DECIMAL_EXPONENT) {
                return (BigDecimal) ctxt.handleWeirdNumberValue(BigDecimal.class, value,
                        "has an exponent beyond " + MAX_DECIMAL_EXPONENT);
            }
            return value;
        }
    }
}
