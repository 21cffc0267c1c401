package io.vpcportal.catalog;

import io.vpcportal.catalog.internal.EndpointTemplate;
import io.vpcportal.catalog.internal.EndpointTemplateRepository;
import io.vpcportal.catalog.internal.FieldDefinition;
import io.vpcportal.catalog.internal.RegionalService;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.platform.cache.ReferenceVersions;
import io.vpcportal.platform.cache.VersionedCache;
import io.vpcportal.shared.AwsRegion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the catalog and writes new template versions. */
@Service
@Transactional(readOnly = true)
public class CatalogManagement {

    private final EndpointTemplateRepository templates;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** Current versions by key; a template edit on any instance moves the catalog version and retires them. */
    private final VersionedCache<String, EndpointTemplateDetails> currentVersions;

    CatalogManagement(EndpointTemplateRepository templates, Clock clock,
            ApplicationEventPublisher events, ReferenceVersions versions) {
        this.templates = templates;
        this.clock = clock;
        this.events = events;
        this.currentVersions = new VersionedCache<>("catalog", versions, 2_000);
    }

    /** Current, not retired templates matching an optional free-text search and category. */
    public List<TemplateSummary> search(String text, String category) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return templates.findLatestVersions().stream()
                .filter(t -> !t.retired())
                .filter(t -> category == null || category.isBlank() || t.category().equalsIgnoreCase(category))
                .filter(t -> needle.isEmpty() || (t.key() + " " + t.name() + " " + t.description() + " "
                        + t.category() + " " + t.provider()).toLowerCase(Locale.ROOT).contains(needle))
                .map(CatalogManagement::summary)
                .toList();
    }

    /** Categories of current templates, in display order. */
    public List<String> categories() {
        return templates.findLatestVersions().stream().filter(t -> !t.retired())
                .map(EndpointTemplate::category).distinct().sorted().toList();
    }

    /** Every template's newest version, retired ones included (for admins). */
    public List<EndpointTemplateDetails> latestVersions() {
        return templates.findLatestVersions().stream().map(CatalogManagement::details).toList();
    }

    /** The newest version of template {@code key} (retired or not), as committed when this is called. */
    public Optional<EndpointTemplateDetails> current(String key) {
        if (key == null || key.length() > 64) {
            return Optional.empty();
        }
        return currentVersions.get(key, k -> templates.findFirstByKeyOrderByVersionDesc(k).map(CatalogManagement::details));
    }

    public Optional<EndpointTemplateDetails> version(String key, int version) {
        return templates.findByKeyAndVersion(key, version).map(CatalogManagement::details);
    }

    public List<EndpointTemplateDetails> history(String key) {
        return templates.findByKeyOrderByVersionDesc(key).stream().map(CatalogManagement::details).toList();
    }

    /** Saves {@code change} as the next version of template {@code key}; earlier versions stay as they were. */
    @Transactional
    public EndpointTemplateDetails edit(String key, TemplateChange change, String author) {
        EndpointTemplate previous = templates.findFirstByKeyOrderByVersionDesc(key)
                .orElseThrow(() -> new NotFoundException("No template '" + key + "'"));
        validate(previous, change);
        List<FieldDefinition> fields = new ArrayList<>();
        for (int i = 0; i < change.fields().size(); i++) {
            TemplateField f = change.fields().get(i);
            fields.add(new FieldDefinition(i + 1, f.name(), f.label(), f.required(), blankToNull(f.defaultValue()),
                    blankToNull(f.help())));
        }
        String[] regions = change.regions() == null || change.regions().isEmpty() ? null
                : change.regions().toArray(String[]::new);
        EndpointTemplate next = EndpointTemplate.nextVersion(previous, change.name().strip(),
                change.description().strip(), change.category().strip(), previous.partner() ? previous.regions() : regions,
                change.defaultPolicy().key(), change.retired(), fields, author, clock.instant());
        EndpointTemplateDetails saved = details(templates.save(next));
        events.publishEvent(new TemplateVersionCreated(key, saved.version(), author, details(previous), saved));
        return saved;
    }

    private static void validate(EndpointTemplate previous, TemplateChange change) {
        List<FieldViolation> violations = new ArrayList<>();
        if (change.name() == null || change.name().isBlank() || change.name().length() > 100) {
            violations.add(new FieldViolation("name", "must be 1 to 100 characters"));
        }
        if (change.description() == null || change.description().isBlank() || change.description().length() > 2000) {
            violations.add(new FieldViolation("description", "must be 1 to 2000 characters"));
        }
        if (change.category() == null || change.category().isBlank() || change.category().length() > 40) {
            violations.add(new FieldViolation("category", "must be 1 to 40 characters"));
        }
        if (change.defaultPolicy() == null) {
            violations.add(new FieldViolation("defaultPolicy", "must be one of the policy choices"));
        }
        if (change.regions() != null) {
            change.regions().stream().filter(r -> !AwsRegion.isKnown(r)).findFirst().ifPresent(r ->
                    violations.add(new FieldViolation("regions", "'" + r + "' is not a known AWS region")));
        }
        String required = previous.endpointType() == EndpointType.Gateway ? "routeTableIds" : "subnetIds";
        boolean keepsLocation = change.fields() != null && change.fields().stream()
                .anyMatch(f -> f.name().equals(required) && f.required());
        if (!keepsLocation) {
            violations.add(new FieldViolation("fields", "a " + previous.endpointType() + " template must keep the required field '"
                    + required + "'"));
        }
        if (change.fields() != null) {
            change.fields().stream().filter(f -> !TemplateField.NAMES.contains(f.name())).findFirst().ifPresent(f ->
                    violations.add(new FieldViolation("fields", "'" + f.name() + "' is not a request field")));
        }
        if (TextRules.containsNul(change.name() + change.description() + change.category())
                || (change.fields() != null && change.fields().stream().anyMatch(f ->
                TextRules.containsNul(f.label() + f.defaultValue() + f.help())))) {
            violations.add(new FieldViolation("description", "must not contain the NUL character"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static SortedSet<String> regionsOf(EndpointTemplate t) {
        if (t.partner()) {
            return t.regionalServices().stream().map(RegionalService::region).collect(Collectors.toCollection(TreeSet::new));
        }
        String[] regions = t.regions();
        return regions == null ? new TreeSet<>(AwsRegion.KNOWN) : new TreeSet<>(Arrays.asList(regions));
    }

    static TemplateSummary summary(EndpointTemplate t) {
        return new TemplateSummary(t.key(), t.version(), t.name(), t.description(), t.category(), t.endpointType(),
                t.partner(), t.provider(), regionsOf(t));
    }

    static EndpointTemplateDetails details(EndpointTemplate t) {
        Map<String, String> services = new LinkedHashMap<>();
        Map<String, String> dnsNames = new LinkedHashMap<>();
        for (RegionalService s : t.regionalServices()) {
            services.put(s.region(), s.serviceName());
            if (s.privateDnsName() != null) {
                dnsNames.put(s.region(), s.privateDnsName());
            }
        }
        List<TemplateField> fields = t.fields().stream()
                .map(f -> new TemplateField(f.name(), f.label(), f.required(), f.defaultValue(), f.help()))
                .toList();
        return new EndpointTemplateDetails(t.key(), t.version(), t.name(), t.description(), t.category(),
                t.endpointType(), t.serviceNamePattern(), regionsOf(t), t.partner(), t.provider(),
                t.crossRegionSupported(), PolicyChoice.fromKey(t.defaultPolicy()).orElse(PolicyChoice.FULL_ACCESS),
                t.documentationUrl(), fields, Map.copyOf(services), Map.copyOf(dnsNames), t.retired(), t.createdAt(),
                t.createdBy());
    }
}
