package io.vpcportal.catalog;

import java.util.List;
import java.util.SortedSet;

/**
 * An admin's edit of a template; saved as the template's next version.
 *
 * @param regions null keeps "every region" for AWS services
 */
public record TemplateChange(String name, String description, String category, SortedSet<String> regions,
        PolicyChoice defaultPolicy, boolean retired, List<TemplateField> fields) {
}
