package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recorded set of API calls and their answers, for checking that the API answers the same calls the same way after
 * the code changes. Each call is kept as method, path, request body, status, content type and the answer's body, with
 * volatile values replaced by stable placeholders: ids (UUIDs and AWS ids such as {@code vpc-…}) become
 * {@code <uuid-N>}/{@code <vpc-N>} numbered by first appearance, so a later path or body that repeats an earlier
 * answer's id keeps referring to it; instants, API tokens and cursors become {@code <instant>}, {@code <token>},
 * {@code <cursor>}; values a test registers with {@link #name} (a fresh team, account or user) become their name.
 * <p>
 * In replay mode every {@link #check} compares the answer with the recorded one at the same position and fails with
 * both; in record mode ({@code -Dapi-replay.record=true}) the calls are collected and {@link #finish} writes the file
 * under {@code src/test/resources/api-replay/}. Recording is never automatic: a missing recording is a failure.
 */
public final class ApiRecording {

    /** System property that switches from replaying to recording. */
    public static final String RECORD_PROPERTY = "api-replay.record";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern AWS_ID = Pattern.compile(
            "\\b(vpce|vpc|subnet|rtb|eni|pl|sg|nat|igw|rtbassoc)-[0-9a-f]{8,17}\\b");
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern TOKEN = Pattern.compile("vpcp_[A-Za-z0-9_\\-]+");
    /**
     * ClientTokens (and the role session names made from them) are hashes over the request's id; AWS request ids are
     * random.
     */
    private static final Pattern CLIENT_TOKEN = Pattern.compile("vpce-portal-[0-9a-f-]+");
    private static final Pattern AWS_REQUEST_ID = Pattern.compile("(Request ID: )[A-Za-z0-9+/=\\-]+");
    /** Keys whose values depend on the moment or on the database's history, never on behaviour. */
    private static final Set<String> VOLATILE_KEYS = Set.of("nextCursor", "cursor", "etag", "durationMs", "pricedOn");

    private final Path file;
    private final boolean recording;
    private final ArrayNode recorded;
    private final ArrayNode calls = JsonNodeFactory.instance.arrayNode();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    private ApiRecording(Path file, boolean recording, ArrayNode recorded) {
        this.file = file;
        this.recording = recording;
        this.recorded = recorded;
    }

    /** The recording {@code name} ({@code src/test/resources/api-replay/<name>.json}), to replay or to record. */
    public static ApiRecording of(String name) {
        Path file = Path.of("src", "test", "resources", "api-replay", name + ".json");
        if (Boolean.getBoolean(RECORD_PROPERTY)) {
            return new ApiRecording(file, true, null);
        }
        assertThat(file).as("no recording at %s: record it once with -D%s=true on code whose answers are right",
                file.toAbsolutePath(), RECORD_PROPERTY).exists();
        try {
            return new ApiRecording(file, false, (ArrayNode) JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean recording() {
        return recording;
    }

    /** From now on {@code value} is written as {@code <placeholder>} wherever it occurs. */
    public ApiRecording name(String value, String placeholder) {
        names.put(value, "<" + placeholder + ">");
        return this;
    }

    /**
     * Records or checks one call: {@code step} names it in the file and in failures.
     *
     * @return the answer, for the next calls to use
     */
    public PortalApi.Response check(String step, String method, String path, String requestBody,
            PortalApi.Response answer) {
        ObjectNode call = JsonNodeFactory.instance.objectNode();
        call.put("step", step);
        call.put("method", method);
        call.put("path", normalize(path));
        if (requestBody != null && !requestBody.isBlank()) {
            call.set("requestBody", normalize(parse(requestBody)));
        }
        call.put("status", answer.status());
        call.put("contentType", answer.contentType());
        call.set("body", normalize(parse(answer.body())));
        int position = calls.size();
        calls.add(call);
        if (recording) {
            write();
        }
        if (!recording) {
            assertThat(position).as("call %d (%s) is not in the recording %s", position, step, file)
                    .isLessThan(recorded.size());
            // the recording holds placeholders only; normalizing it again just puts its violations in order
            assertThat(JSON.writeValueAsString(call)).as("answer to %s %s (%s) differs from the recording %s",
                    method, path, step, file).isEqualTo(JSON.writeValueAsString(normalize(recorded.get(position))));
        }
        return answer;
    }

    /** Writes the file when recording; when replaying, checks that no recorded call was left out. */
    public void finish() {
        if (recording) {
            write();
        } else {
            assertThat(calls.size()).as("calls replayed from %s", file).isEqualTo(recorded.size());
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(calls) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JsonNodeFactory.instance.stringNode(body);
        }
    }

    private JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                // numeric ids (audit entries) count rows of the shared database
                boolean volatileValue = VOLATILE_KEYS.contains(field.getKey()) && !value.isNull()
                        || field.getKey().equals("id") && value.isNumber();
                copy.set(field.getKey(), volatileValue
                        ? JsonNodeFactory.instance.stringNode("<" + field.getKey() + ">") : normalize(value));
            }
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(element -> elements.add(normalize(element)));
            if (elements.stream().allMatch(e -> e.isObject() && e.has("field") && e.has("message"))) {
                // Bean Validation reports a payload's violations in no fixed order
                elements.sort(Comparator.comparing(JsonNode::toString));
            }
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            elements.forEach(copy::add);
            return copy;
        }
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(normalize(node.asString()));
        }
        return node;
    }

    /** {@code text} with registered names, ids, instants and tokens replaced by placeholders. */
    public String normalize(String text) {
        String result = text;
        List<Map.Entry<String, String>> byLength = new ArrayList<>(names.entrySet());
        byLength.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        for (Map.Entry<String, String> name : byLength) {
            result = result.replace(name.getKey(), name.getValue());
        }
        result = replace(TOKEN, result, m -> "<token>");
        result = replace(CLIENT_TOKEN, result, m -> "<client-token>");
        result = replace(AWS_REQUEST_ID, result, m -> m.group(1) + "<aws-request-id>");
        result = replace(UUID, result, m -> id("uuid", m.group()));
        result = replace(AWS_ID, result, m -> id(m.group(1), m.group()));
        return replace(INSTANT, result, m -> "<instant>");
    }

    private String id(String kind, String value) {
        return ids.computeIfAbsent(value, v -> "<" + kind + "-" + counters.merge(kind, 1, Integer::sum) + ">");
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> by) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(by.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
