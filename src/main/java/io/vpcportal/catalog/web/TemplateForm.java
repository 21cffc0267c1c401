package io.vpcportal.catalog.web;

import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.catalog.TemplateChange;
import io.vpcportal.catalog.TemplateField;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The admin form that writes a template's next version. */
public class TemplateForm {

    private String name;
    private String description;
    private String category;
    private List<String> regions = new ArrayList<>();
    private String defaultPolicy;
    private boolean retired;
    private List<FieldForm> fields = new ArrayList<>();

    static TemplateForm of(EndpointTemplateDetails t, boolean allRegions) {
        TemplateForm form = new TemplateForm();
        form.name = t.name();
        form.description = t.description();
        form.category = t.category();
        form.regions = allRegions ? new ArrayList<>() : new ArrayList<>(t.regions());
        form.defaultPolicy = t.defaultPolicy().key();
        form.retired = t.retired();
        t.fields().forEach(f -> form.fields.add(new FieldForm(f)));
        return form;
    }

    TemplateChange toChange() {
        return new TemplateChange(name, description, category,
                regions == null || regions.isEmpty() ? null : new TreeSet<>(regions),
                PolicyChoice.fromKey(defaultPolicy).orElse(null), retired,
                fields.stream().map(f -> new TemplateField(f.getName(), f.getLabel(), f.isRequired(), f.getDefaultValue(),
                        f.getHelp())).toList());
    }

    /** One form field of the template. */
    public static class FieldForm {
        private String name;
        private String label;
        private boolean required;
        private String defaultValue;
        private String help;

        public FieldForm() {
        }

        FieldForm(TemplateField f) {
            this.name = f.name();
            this.label = f.label();
            this.required = f.required();
            this.defaultValue = f.defaultValue();
            this.help = f.help();
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
        public String getDefaultValue() { return defaultValue; }
        public void setDefaultValue(String defaultValue) { this.defaultValue = defaultValue; }
        public String getHelp() { return help; }
        public void setHelp(String help) { this.help = help; }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public List<String> getRegions() { return regions; }
    public void setRegions(List<String> regions) { this.regions = regions; }
    public String getDefaultPolicy() { return defaultPolicy; }
    public void setDefaultPolicy(String defaultPolicy) { this.defaultPolicy = defaultPolicy; }
    public boolean isRetired() { return retired; }
    public void setRetired(boolean retired) { this.retired = retired; }
    public List<FieldForm> getFields() { return fields; }
    public void setFields(List<FieldForm> fields) { this.fields = fields; }
}
