package io.vpcportal.platform;

/** Rules every stored text obeys, whatever its field. */
public final class TextRules {

    /** The one message for a text with a control character, in the API and beside form fields alike. */
    public static final String CONTROL_CHARACTERS = "must not contain control characters";

    private TextRules() {
    }

    /** PostgreSQL text cannot hold U+0000; a value with it would fail as a server error at insert. */
    public static boolean containsNul(String value) {
        return value != null && value.indexOf(0) >= 0;
    }

    /**
     * Whether the text holds a character no person types: NUL and the other C0 controls except tab and line breaks
     * (policies and justifications have several lines), DEL, and the C1 controls. They break storage (NUL), logs and
     * terminals (escape sequences), and headers (a lone carriage return is allowed only as part of a line break).
     */
    public static boolean containsControl(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                return true;
            }
        }
        return false;
    }
}
