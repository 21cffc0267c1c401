package io.vpcportal.platform.web;

import io.vpcportal.platform.TextRules;
import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Limits on what forms, query parameters and path variables may bind, for every controller: text without control
 * characters, decimals as plain digits of a bounded length (checked on the string, before {@link BigDecimal} sees
 * it: {@code 1e1000000000} is short text but a billion digits of arithmetic), and lists that grow at most to
 * {@value #LIST_LIMIT} entries ({@code items[99999999]} is refused instead of allocating). A refused value is a
 * binding error of its field, so a form shows the message beside it.
 */
@ControllerAdvice
class InputBounds {

    static final int LIST_LIMIT = 64;
    static final String DECIMAL_FORMAT = "must be a plain number with at most 12 digits before and 6 after the point";
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?\\d{1,12}(\\.\\d{0,6})?|[+-]?\\.\\d{1,6}");

    @InitBinder
    void bound(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(LIST_LIMIT);
        binder.registerCustomEditor(String.class, new PlainText());
        binder.registerCustomEditor(BigDecimal.class, new PlainDecimal());
    }

    /** Text as typed; refused if it holds a control character. */
    static final class PlainText extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (TextRules.containsControl(text)) {
                throw new IllegalArgumentException(TextRules.CONTROL_CHARACTERS);
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }

    /** A decimal written the way a person types it; blank is absent. */
    static final class PlainDecimal extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            String trimmed = text.strip();
            if (trimmed.length() > 24 || !PLAIN_DECIMAL.matcher(trimmed).matches()) {
                throw new IllegalArgumentException(DECIMAL_FORMAT);
            }
            setValue(new BigDecimal(trimmed));
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : ((BigDecimal) value).toPlainString();
        }
    }
}
