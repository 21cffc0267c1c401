package io.vpcportal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalJsonTests {

    @Test
    void writesOneFixedLayoutWhateverTheInputSpacing() {
        String compact = "{\"b\":[1,2],\"a\":{\"x\":true,\"y\":null},\"e\":[],\"o\":{}}";
        String spaced = "{\n\t\"b\" : [ 1 , 2 ] ,\"a\":{ \"x\" : true, \"y\" :null } , \"e\": [ ], \"o\" : { } }";
        String expected = """
                {
                  "b": [
                    1,
                    2
                  ],
                  "a": {
                    "x": true,
                    "y": null
                  },
                  "e": [],
                  "o": {}
                }""";
        assertThat(CanonicalJson.write(CanonicalJson.parse(compact))).isEqualTo(expected);
        assertThat(CanonicalJson.write(CanonicalJson.parse(spaced))).isEqualTo(expected);
    }

    @Test
    void keepsMemberOrderAndStringsExactly() {
        String text = "{\"z\":\"é ü \\u00e9 / <x>\",\"a\":\"tab\\there \\\"q\\\" back\\\\slash\"}";
        assertThat(CanonicalJson.write(CanonicalJson.parse(text))).isEqualTo("""
                {
                  "z": "é ü é / <x>",
                  "a": "tab\\there \\"q\\" back\\\\slash"
                }""");
    }

    @Test
    void escapesControlCharactersAndLineSeparators() {
        assertThat(CanonicalJson.write(CanonicalJson.parse("\"a\\u0001b\\u2028c\\n\""))).isEqualTo("\"a\\u0001b\\u2028c\\n\"");
    }

    @Test
    void writesNumbersWithoutRoundingAndInPlainDecimal() {
        assertThat(CanonicalJson.write(CanonicalJson.parse("[3600, -7, 1.10, 0.1, 123456789012345678901234567890, 1e3, 2.5E-3]")))
                .isEqualTo("[\n  3600,\n  -7,\n  1.10,\n  0.1,\n  123456789012345678901234567890,\n  1000,\n  0.0025\n]");
    }

    @Test
    void rejectsDuplicateMembersTrailingContentAndEmptyText() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).isInstanceOf(CanonicalJson.InvalidJson.class);
        assertThatThrownBy(() -> CanonicalJson.parse("{} {}")).isInstanceOf(CanonicalJson.InvalidJson.class);
        assertThatThrownBy(() -> CanonicalJson.parse("  ")).isInstanceOf(CanonicalJson.InvalidJson.class);
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":")).isInstanceOf(CanonicalJson.InvalidJson.class);
    }

    @Test
    void writingIsIdempotent() {
        String once = CanonicalJson.write(CanonicalJson.parse("{\"Statement\":[{\"Effect\":\"Deny\",\"N\":1.5}]}"));
        assertThat(CanonicalJson.write(CanonicalJson.parse(once))).isEqualTo(once);
    }
}
