package io.vpcportal.platform;

/** Rules every stored text obeys, whatever its field. */
public final class TextRules {

    private TextRules() {
    }

    /** PostgreSQL text cannot hold U+0000; a value with it would fail as a server error at insert. */
    public static boolean containsNul(String value) {
        return value != null && value.indexOf(0) >= 0;
    }
}
